// The {{k}} shortest paths of at most {{maxHops}} hops. The relationship types, the direction and the
// entities to avoid are inline predicates, so they prune the search rather than filter its results.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST {{k}} (a)((n1)-[r:$any($types)]-(n2)
  WHERE NOT n2.id IN $avoid
    AND ($direction = 'ANY' OR ($direction = 'OUTGOING') = (startNode(r) = n1))
){1,{{maxHops}}}(b)
RETURN [n IN nodes(p) | n {.*}] AS nodes,
  [x IN relationships(p) | x {.*, type: type(x), source: startNode(x).id, target: endNode(x).id}] AS relationships
ORDER BY size(relationships)
