// OFAC records already in the graph whose primary name is one of $names (for `Linked To:` names that are
// not a primary name in the file being imported), with their programs for disambiguation.
UNWIND $names AS name
MATCH (e:Entity {name: name})
WHERE e.id STARTS WITH 'ofac-'
OPTIONAL MATCH (e)-[:HAS_SANCTION]->(s:Sanction)
RETURN name, e.id AS id, collect(DISTINCT s.program) AS programs
