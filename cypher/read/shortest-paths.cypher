// The {{k}} shortest simple paths of at most {{maxHops}} hops. The relationship types, the direction and the
// entities to avoid are inline predicates, so they prune the search rather than filter its results:
// - the direction is written into the pattern (one branch per direction; only the one $direction names runs),
//   because a predicate comparing startNode(r) cannot be inlined and turns into a filter on whole paths;
// - the types are tested with type(r) IN $types (a relationship's own type, no token lookups per type);
// - the entities to avoid are looked up once and compared as nodes, not by reading every visited node's id;
// - every path is simple (no entity twice): SHORTEST's own mode only keeps relationships from repeating, so without
//   the test inside the path pattern (a pre-filter: paths that repeat an entity are not counted towards k) the
//   "alternatives" could pass through the target and come back.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a) {
  OPTIONAL MATCH (x:Entity) WHERE x.id IN $avoid
  RETURN collect(x) AS avoided
}
CALL (a, b, avoided) {
  WITH a, b, avoided WHERE $direction = 'ANY'
  MATCH SHORTEST {{k}} (p = (a)((n1)-[r]-(n2) WHERE type(r) IN $types AND NOT n2 IN avoided AND
// include: read/parts/valid-at
  ){1,{{maxHops}}}(b) WHERE all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i]))
  RETURN p
  UNION ALL
  WITH a, b, avoided WHERE $direction = 'OUTGOING'
  MATCH SHORTEST {{k}} (p = (a)((n1)-[r]->(n2) WHERE type(r) IN $types AND NOT n2 IN avoided AND
// include: read/parts/valid-at
  ){1,{{maxHops}}}(b) WHERE all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i]))
  RETURN p
  UNION ALL
  WITH a, b, avoided WHERE $direction = 'INCOMING'
  MATCH SHORTEST {{k}} (p = (a)((n1)<-[r]-(n2) WHERE type(r) IN $types AND NOT n2 IN avoided AND
// include: read/parts/valid-at
  ){1,{{maxHops}}}(b) WHERE all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i]))
  RETURN p
}
RETURN [n IN nodes(p) | n {.*}] AS nodes,
  [x IN relationships(p) | x {.*, type: type(x), source: startNode(x).id, target: endNode(x).id}] AS relationships
ORDER BY size(relationships)
