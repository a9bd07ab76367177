// Relationships per type and direction for several entities (DataLoader batch); $types is the vocabulary.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[r:$any($types)]->()
  RETURN type(r) AS type, 'OUTGOING' AS direction, count(r) AS count
  UNION ALL
  MATCH (e)<-[r:$any($types)]-()
  RETURN type(r) AS type, 'INCOMING' AS direction, count(r) AS count
}
RETURN id, collect({type: type, direction: direction, count: count}) AS counts
