// The entities within {{depth}} hops of a centre (nearest first, capped by $limit), the relationships among
// them, and per entity how many of its relationships lead outside the subgraph.
// The relationship types are tested with type(r) IN $types, and the nearest $limit + 1 are kept by a top-k sort
// rather than collecting every neighbour of a super-node.
MATCH (c:Entity {id: $id})
CALL (c) {
  OPTIONAL MATCH p = (c)(()-[r]-() WHERE type(r) IN $types AND
// include: read/parts/valid-at
  ){1,{{depth}}}(x:Entity)
  WHERE x <> c AND ($schemata IS NULL OR x.schema IN $schemata)
  WITH x, min(length(p)) AS distance
  ORDER BY distance, x.id
  LIMIT $limit + 1
  RETURN collect(x) AS found
}
WITH c, found[..$limit] AS neighbours, size(found) > $limit AS truncated
WITH [c] + neighbours AS members, truncated
// include: read/parts/members-edges-omitted
RETURN [m IN members | m {.*}] AS nodes, edges, [o IN omitted WHERE o.count > 0] AS omitted, truncated
