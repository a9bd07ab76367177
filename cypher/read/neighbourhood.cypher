// The entities within {{depth}} hops of a centre (nearest first, capped by $limit), the relationships among
// them, and per entity how many of its relationships lead outside the subgraph. The tail from `CALL` on is the
// same as subgraph.cypher's (Cypher has no way to share it): change both together.
MATCH (c:Entity {id: $id})
OPTIONAL MATCH p = (c)-[:$any($types)]-{1,{{depth}}}(x:Entity)
WHERE x <> c AND ($schemata IS NULL OR x.schema IN $schemata)
WITH c, x, min(length(p)) AS distance
ORDER BY distance, x.id
WITH c, collect(x) AS found
WITH c, found[..$limit] AS neighbours, size(found) > $limit AS truncated
WITH [c] + neighbours AS members, truncated
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
RETURN [m IN members | m {.*}] AS nodes, edges, [o IN omitted WHERE o.count > 0] AS omitted, truncated
