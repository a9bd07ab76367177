// The shortest path (at most {{depth}} hops, vocabulary types) from any of a watch's centres to an entity: where an
// alert happened, seen from what is watched.
MATCH (x:Entity {id: $to})
MATCH (c:Entity) WHERE c.id IN $centres AND c <> x
MATCH p = shortestPath((c)-[rs*1..{{depth}}]-(x))
WHERE all(r IN rs WHERE type(r) IN $types)
RETURN [n IN nodes(p) | {id: n.id, name: n.name}] AS nodes, [r IN relationships(p) | {id: r.id, type: type(r)}] AS relationships
ORDER BY size(relationships)
LIMIT 1
