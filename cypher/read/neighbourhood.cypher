// The entities within {{depth}} hops of a centre (nearest first, capped by $limit), the relationships among
// them, and per entity how many of its relationships lead outside the subgraph.
MATCH (c:Entity {id: $id})
OPTIONAL MATCH p = (c)-[:$any($types)]-{1,{{depth}}}(x:Entity)
WHERE x <> c AND ($schemata IS NULL OR x.schema IN $schemata)
WITH c, x, min(length(p)) AS distance
ORDER BY distance, x.id
WITH c, collect(x) AS found
WITH c, found[..$limit] AS neighbours, size(found) > $limit AS truncated
WITH [c] + neighbours AS members, truncated
// include: read/parts/members-edges-omitted
RETURN [m IN members | m {.*}] AS nodes, edges, [o IN omitted WHERE o.count > 0] AS omitted, truncated
