// Given entities (unknown ids are skipped; $ids has no duplicates), the relationships among them, and per entity
// how many of its relationships lead outside the set.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH collect(e) AS members
// include: read/parts/members-edges-omitted
RETURN [m IN members | m {.*}] AS nodes, edges, [o IN omitted WHERE o.count > 0] AS omitted
