// What the graph holds, with counts. $types is the relationship vocabulary.
CALL () { MATCH (e:Entity) RETURN count(e) AS entityCount }
CALL () {
  MATCH (e:Entity)
  WITH e.schema AS name, count(*) AS count ORDER BY count DESC, name
  RETURN collect({name: name, count: count}) AS schemata
}
CALL () {
  UNWIND $types AS t
  CALL (t) { MATCH ()-[r:$(t)]->() RETURN count(r) AS n }
  RETURN collect({name: t, count: n}) AS relationshipTypes
}
CALL () {
  MATCH (s:Sanction) WHERE s.program IS NOT NULL
  WITH s.program AS name, count(*) AS count ORDER BY count DESC, name
  RETURN collect({name: name, count: count}) AS programs
}
CALL () {
  MATCH (e:Entity) UNWIND coalesce(e.datasets, []) AS name
  WITH name, count(*) AS count ORDER BY count DESC, name
  RETURN collect({name: name, count: count}) AS datasets
}
CALL () {
  MATCH (s:Source)
  WITH s.publisher AS name, count(*) AS count ORDER BY count DESC, name
  RETURN collect({name: name, count: count}) AS publishers
}
RETURN entityCount, schemata, relationshipTypes, programs, datasets, publishers
