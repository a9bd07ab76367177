// Sanctions of several entities (DataLoader batch).
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:HAS_SANCTION]->(s:Sanction)
RETURN id, collect(s {.*}) AS sanctions
