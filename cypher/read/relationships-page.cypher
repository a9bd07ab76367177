// One page of an entity's relationships, in a stable order (type, then id), with the total.
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[r:$any($types)]->(o:Entity)
  WHERE $direction IN ['ANY', 'OUTGOING']
  RETURN r, o, 'OUTGOING' AS direction
  UNION ALL
  MATCH (e)<-[r:$any($types)]-(o:Entity)
  WHERE $direction IN ['ANY', 'INCOMING']
  RETURN r, o, 'INCOMING' AS direction
}
WITH r, o, direction
ORDER BY type(r), r.id, direction
WITH collect({r: r, o: o, direction: direction}) AS all
RETURN size(all) AS total,
  [x IN all[$offset..($offset + $limit)] | {
    relationship: x.r {.*, type: type(x.r), source: startNode(x.r).id, target: endNode(x.r).id},
    other: x.o {.*},
    direction: x.direction
  }] AS page
