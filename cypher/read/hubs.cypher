// The entities with the most relationships, highest first. The degree is summed from one literal-type COUNT per
// vocabulary type (answered from the degree store, constant time per entity; the literal list is the vocabulary
// of server/model/vocabulary.ts), so the cost is one index or label scan, however large the hubs are.
// With $at, the $candidates highest are recounted with only the relationships valid on the day $at
// (read/parts/valid-at) and re-ranked.
MATCH (e:Entity)
WHERE $schemata IS NULL OR e.schema IN $schemata
WITH e, reduce(n = 0, row IN [
    ['OWNS', COUNT { (e)-[:OWNS]-() }],
    ['CONTROLS', COUNT { (e)-[:CONTROLS]-() }],
    ['FRONT_COMPANY_OF', COUNT { (e)-[:FRONT_COMPANY_OF]-() }],
    ['OPERATES', COUNT { (e)-[:OPERATES]-() }],
    ['PART_OF', COUNT { (e)-[:PART_OF]-() }],
    ['LEADS', COUNT { (e)-[:LEADS]-() }],
    ['DIRECTOR_OF', COUNT { (e)-[:DIRECTOR_OF]-() }],
    ['REPRESENTS', COUNT { (e)-[:REPRESENTS]-() }],
    ['SUPPLIES', COUNT { (e)-[:SUPPLIES]-() }],
    ['MEMBER_OF', COUNT { (e)-[:MEMBER_OF]-() }],
    ['EMPLOYED_BY', COUNT { (e)-[:EMPLOYED_BY]-() }],
    ['SUCCEEDED_BY', COUNT { (e)-[:SUCCEEDED_BY]-() }],
    ['FAMILY', COUNT { (e)-[:FAMILY]-() }],
    ['ASSOCIATE', COUNT { (e)-[:ASSOCIATE]-() }],
    ['LINKED_TO', COUNT { (e)-[:LINKED_TO]-() }],
    ['SAME_AS', COUNT { (e)-[:SAME_AS]-() }],
    ['AWARDED_TO', COUNT { (e)-[:AWARDED_TO]-() }],
    ['DOCUMENTS', COUNT { (e)-[:DOCUMENTS]-() }],
    ['HOLDS_POSITION', COUNT { (e)-[:HOLDS_POSITION]-() }],
    ['OWES', COUNT { (e)-[:OWES]-() }],
    ['PAID', COUNT { (e)-[:PAID]-() }],
    ['PARTICIPATES_IN', COUNT { (e)-[:PARTICIPATES_IN]-() }],
    ['PARTY_TO', COUNT { (e)-[:PARTY_TO]-() }]
  ] | n + row[1]) AS degree
ORDER BY degree DESC, e.id
LIMIT $candidates
CALL (e, degree) {
  WITH e, degree WHERE $at IS NULL
  RETURN degree AS inForce
  UNION
  WITH e WHERE $at IS NOT NULL
  RETURN COUNT { (e)-[r]-()
    WHERE type(r) IN $types AND
// include: read/parts/valid-at
  } AS inForce
}
WITH e, inForce
WHERE inForce > 0
ORDER BY inForce DESC, e.id
LIMIT $first
RETURN e {.*} AS entity, inForce AS degree
