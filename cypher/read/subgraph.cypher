// Given entities (unknown ids are skipped; $ids has no duplicates), the relationships among them, and per entity
// how many of its relationships lead outside the set. The tail from `CALL` on is
// the same as neighbourhood.cypher's: change both together.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH collect(e) AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[r:$any($types)]->(b)
  WHERE b IN members
  RETURN collect(DISTINCT r {.*, type: type(r), source: a.id, target: b.id}) AS edges
}
CALL (members) {
  UNWIND members AS a
  RETURN collect({id: a.id, count: COUNT { (a)-[:$any($types)]-(y) WHERE NOT y IN members }}) AS omitted
}
RETURN [m IN members | m {.*}] AS nodes, edges, [o IN omitted WHERE o.count > 0] AS omitted
