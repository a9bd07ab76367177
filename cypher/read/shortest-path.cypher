// The shortest path of at most {{maxHops}} hops (k = 1; shortest-paths.cypher serves k > 1). The relationship
// types, the direction and the entities to avoid prune the search rather than filter its results:
// - the direction is written into the pattern (one branch per direction; only the one $direction names runs),
//   because a predicate comparing startNode(r) cannot be inlined and becomes a filter on whole paths;
// - types are tested with type(r) IN $types, and the entities to avoid are looked up once and compared as nodes;
// - the ends are never in `avoided` (the resolver checks), so the test covers every node of the path;
// - shortestPath() (a node-level bidirectional breadth-first search; a WHERE on it is a pre-filter), which on a
//   network with super-nodes is far cheaper than SHORTEST's trail-tracking search. k = 1 only.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE a <> b
CALL (a) {
  OPTIONAL MATCH (x:Entity) WHERE x.id IN $avoid
  RETURN collect(x) AS avoided
}
CALL (a, b, avoided) {
  WITH a, b, avoided WHERE $direction = 'ANY'
  MATCH p = shortestPath((a)-[rs*1..{{maxHops}}]-(b))
  WHERE all(r IN rs WHERE type(r) IN $types AND
// include: read/parts/valid-at
  ) AND none(n IN nodes(p) WHERE n IN avoided)
  RETURN p
  UNION ALL
  WITH a, b, avoided WHERE $direction = 'OUTGOING'
  MATCH p = shortestPath((a)-[rs*1..{{maxHops}}]->(b))
  WHERE all(r IN rs WHERE type(r) IN $types AND
// include: read/parts/valid-at
  ) AND none(n IN nodes(p) WHERE n IN avoided)
  RETURN p
  UNION ALL
  WITH a, b, avoided WHERE $direction = 'INCOMING'
  MATCH p = shortestPath((a)<-[rs*1..{{maxHops}}]-(b))
  WHERE all(r IN rs WHERE type(r) IN $types AND
// include: read/parts/valid-at
  ) AND none(n IN nodes(p) WHERE n IN avoided)
  RETURN p
}
// Which of two parallel relationships shortestPath() takes depends on storage order (it changed with how a
// database was loaded). So each hop is chosen again, among the relationships between its two entities in the
// direction found that pass the same filters, the first by type and then id: one answer for one question.
UNWIND range(0, length(p) - 1) AS i
WITH p, i, nodes(p)[i] AS m, nodes(p)[i + 1] AS n, startNode(relationships(p)[i]) AS from
CALL (m, n, from) {
  MATCH (m)-[r]-(n)
  WHERE startNode(r) = from AND type(r) IN $types AND
// include: read/parts/valid-at
  RETURN r
  ORDER BY type(r), r.id
  LIMIT 1
}
WITH p, i, r
ORDER BY i
WITH p, collect(r) AS hops
RETURN [n IN nodes(p) | n {.*}] AS nodes,
  [x IN hops | x {.*, type: type(x), source: startNode(x).id, target: endNode(x).id}] AS relationships
