// Simple paths (no entity twice) of at most {{maxHops}} hops, shortest first, at most $first of them.
// SHORTEST 50 (the API's maxPaths; 5.26 takes no parameter there) with the simple-path test inside the path
// pattern (a pre-filter: paths that repeat an entity are not counted) finds them breadth-first and stops at 50,
// instead of enumerating every path up to {{maxHops}} hops and sorting them, which explodes through super-nodes.
// Direction, types and avoided entities are inline predicates as in shortest-paths.cypher.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a) {
  OPTIONAL MATCH (x:Entity) WHERE x.id IN $avoid
  RETURN collect(x) AS avoided
}
CALL (a, b, avoided) {
  WITH a, b, avoided WHERE $direction = 'ANY'
  MATCH SHORTEST 50 (p = (a)((n1)-[r]-(n2) WHERE type(r) IN $types AND NOT n2 IN avoided AND
// include: read/parts/valid-at
  ){1,{{maxHops}}}(b) WHERE all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i]))
  RETURN p
  UNION ALL
  WITH a, b, avoided WHERE $direction = 'OUTGOING'
  MATCH SHORTEST 50 (p = (a)((n1)-[r]->(n2) WHERE type(r) IN $types AND NOT n2 IN avoided AND
// include: read/parts/valid-at
  ){1,{{maxHops}}}(b) WHERE all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i]))
  RETURN p
  UNION ALL
  WITH a, b, avoided WHERE $direction = 'INCOMING'
  MATCH SHORTEST 50 (p = (a)((n1)<-[r]-(n2) WHERE type(r) IN $types AND NOT n2 IN avoided AND
// include: read/parts/valid-at
  ){1,{{maxHops}}}(b) WHERE all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i]))
  RETURN p
}
WITH p
ORDER BY length(p)
LIMIT $first
RETURN [n IN nodes(p) | n {.*}] AS nodes,
  [x IN relationships(p) | x {.*, type: type(x), source: startNode(x).id, target: endNode(x).id}] AS relationships
