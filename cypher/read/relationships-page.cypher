// One page of each listed entity's relationships, in a stable order (type, then id), with the total: the same page
// for every entity of a request's list (the GraphQL loader batches them), one row per entity that exists.
// The total is summed from literal-type COUNTs (the degree store, constant time on a super-node); the page is a
// top-($offset + $limit) sort with the type test type(r) IN $types, not a collect of every relationship.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH e, reduce(n = 0, row IN [
    ['OWNS', COUNT { (e)-[:OWNS]->() }, COUNT { (e)<-[:OWNS]-() }],
    ['CONTROLS', COUNT { (e)-[:CONTROLS]->() }, COUNT { (e)<-[:CONTROLS]-() }],
    ['FRONT_COMPANY_OF', COUNT { (e)-[:FRONT_COMPANY_OF]->() }, COUNT { (e)<-[:FRONT_COMPANY_OF]-() }],
    ['OPERATES', COUNT { (e)-[:OPERATES]->() }, COUNT { (e)<-[:OPERATES]-() }],
    ['PART_OF', COUNT { (e)-[:PART_OF]->() }, COUNT { (e)<-[:PART_OF]-() }],
    ['LEADS', COUNT { (e)-[:LEADS]->() }, COUNT { (e)<-[:LEADS]-() }],
    ['DIRECTOR_OF', COUNT { (e)-[:DIRECTOR_OF]->() }, COUNT { (e)<-[:DIRECTOR_OF]-() }],
    ['REPRESENTS', COUNT { (e)-[:REPRESENTS]->() }, COUNT { (e)<-[:REPRESENTS]-() }],
    ['SUPPLIES', COUNT { (e)-[:SUPPLIES]->() }, COUNT { (e)<-[:SUPPLIES]-() }],
    ['MEMBER_OF', COUNT { (e)-[:MEMBER_OF]->() }, COUNT { (e)<-[:MEMBER_OF]-() }],
    ['EMPLOYED_BY', COUNT { (e)-[:EMPLOYED_BY]->() }, COUNT { (e)<-[:EMPLOYED_BY]-() }],
    ['SUCCEEDED_BY', COUNT { (e)-[:SUCCEEDED_BY]->() }, COUNT { (e)<-[:SUCCEEDED_BY]-() }],
    ['FAMILY', COUNT { (e)-[:FAMILY]->() }, COUNT { (e)<-[:FAMILY]-() }],
    ['ASSOCIATE', COUNT { (e)-[:ASSOCIATE]->() }, COUNT { (e)<-[:ASSOCIATE]-() }],
    ['LINKED_TO', COUNT { (e)-[:LINKED_TO]->() }, COUNT { (e)<-[:LINKED_TO]-() }],
    ['HOLDS_POSITION', COUNT { (e)-[:HOLDS_POSITION]->() }, COUNT { (e)<-[:HOLDS_POSITION]-() }],
    ['PAID', COUNT { (e)-[:PAID]->() }, COUNT { (e)<-[:PAID]-() }],
    ['OWES', COUNT { (e)-[:OWES]->() }, COUNT { (e)<-[:OWES]-() }],
    ['AWARDED_TO', COUNT { (e)-[:AWARDED_TO]->() }, COUNT { (e)<-[:AWARDED_TO]-() }],
    ['PARTY_TO', COUNT { (e)-[:PARTY_TO]->() }, COUNT { (e)<-[:PARTY_TO]-() }],
    ['PARTICIPATES_IN', COUNT { (e)-[:PARTICIPATES_IN]->() }, COUNT { (e)<-[:PARTICIPATES_IN]-() }],
    ['DOCUMENTS', COUNT { (e)-[:DOCUMENTS]->() }, COUNT { (e)<-[:DOCUMENTS]-() }],
    ['SAME_AS', COUNT { (e)-[:SAME_AS]->() }, COUNT { (e)<-[:SAME_AS]-() }]
  ] | n + CASE WHEN row[0] IN $types
      THEN CASE $direction WHEN 'OUTGOING' THEN row[1] WHEN 'INCOMING' THEN row[2] ELSE row[1] + row[2] END
      ELSE 0 END) AS total
// On a day $at the degree store cannot tell which are valid: those are counted one by one.
WITH e, CASE WHEN $at IS NULL THEN total ELSE COUNT {
    MATCH (e)-[r]-(:Entity)
    WHERE type(r) IN $types
      AND ($direction = 'ANY' OR ($direction = 'OUTGOING') = (startNode(r) = e)) AND
// include: read/parts/valid-at
  } END AS total
CALL (e) {
  CALL (e) {
    MATCH (e)-[r]->(o:Entity)
    WHERE $direction IN ['ANY', 'OUTGOING'] AND type(r) IN $types AND
// include: read/parts/valid-at
    RETURN r, o, 'OUTGOING' AS direction
    UNION ALL
    MATCH (e)<-[r]-(o:Entity)
    WHERE $direction IN ['ANY', 'INCOMING'] AND type(r) IN $types AND
// include: read/parts/valid-at
    RETURN r, o, 'INCOMING' AS direction
  }
  WITH r, o, direction
  ORDER BY type(r), r.id, direction
  SKIP $offset
  LIMIT $limit
  RETURN collect({
    relationship: r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id},
    other: o {.*},
    direction: direction
  }) AS page
}
RETURN e.id AS id, total, page
