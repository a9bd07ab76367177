// Every entity with what the SAME_AS step compares: datasets, names, referents, dates of birth, sanction programs
// and identifier values. $props is the step's fixed list of identifier properties.
MATCH (e:Entity)
OPTIONAL MATCH (e)-[:HAS_SANCTION]->(s:Sanction)
WITH e, collect(DISTINCT s.program) AS programs
RETURN e.id AS id, e.schema AS schema, coalesce(e.datasets, []) AS datasets, e.name AS name,
  coalesce(e.aliases, []) AS aliases, coalesce(e.referents, []) AS referents, coalesce(e.birthDate, []) AS birthDates,
  programs, [p IN $props WHERE e[p] IS NOT NULL | {prop: p, values: e[p]}] AS identifiers
