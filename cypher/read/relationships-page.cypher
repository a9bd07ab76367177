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
WITH collect({r: r, o: o, direction: direction}) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS slice
CALL (slice) {
  UNWIND slice AS x
  WITH x.r AS r, x.o AS o, x.direction AS direction
  RETURN collect({
    relationship: r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id},
    other: o {.*},
    direction: direction
  }) AS page
}
RETURN total, page
