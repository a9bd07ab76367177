// Relationships per type and direction for several entities (DataLoader batch); $types is the vocabulary.
// One COUNT per type and direction, each with a literal type, so that Neo4j answers it from the node's degree
// store (GetDegree) instead of expanding every relationship: a super-node costs the same as any node.
// The literal list is the vocabulary of server/model/vocabulary.ts (tests/bench checks that they agree).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
UNWIND [
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
] AS row
WITH id, row
WHERE row[0] IN $types AND (row[1] > 0 OR row[2] > 0)
UNWIND [{type: row[0], direction: 'OUTGOING', count: row[1]}, {type: row[0], direction: 'INCOMING', count: row[2]}] AS c
WITH id, c
WHERE c.count > 0
RETURN id, collect(c) AS counts
