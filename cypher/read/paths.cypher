// Simple paths (no entity twice) of at most {{maxHops}} hops, shortest first, at most $first of them.
// Bounded by the hop limit, the type allowlist, and the transaction timeout set by the caller.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = (a)((n1)-[r:$any($types)]-(n2)
  WHERE NOT n2.id IN $avoid
    AND ($direction = 'ANY' OR ($direction = 'OUTGOING') = (startNode(r) = n1))
){1,{{maxHops}}}(b)
WHERE all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i])
WITH p
ORDER BY length(p)
LIMIT $first
RETURN [n IN nodes(p) | n {.*}] AS nodes,
  [x IN relationships(p) | x {.*, type: type(x), source: startNode(x).id, target: endNode(x).id}] AS relationships
