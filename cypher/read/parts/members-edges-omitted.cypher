// Included by neighbourhood and subgraph: given `members` (a list of entities), the relationships among them
// (`edges`, only those valid on $at when it is given) and per member how many of its relationships lead outside
// the list (`omitted`, likewise only those valid on $at).
// Types are tested with type(r) IN $types (no per-type token lookups on every relationship). `omitted` is the
// member's degree minus its relationships inside the list. Without $at the degree is one literal-type COUNT per
// vocabulary type, answered from the degree store, so a super-node's thousands of links are not read (the literal
// list is the vocabulary of server/model/vocabulary.ts; tests/bench checks that they agree). With $at the member's
// relationships are read to test their dates, which costs what its degree is (bounded by the query's timeout).
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[r]->(b)
  WHERE type(r) IN $types AND b IN members AND
// include: read/parts/valid-at
  RETURN collect(DISTINCT r {.*, type: type(r), source: a.id, target: b.id}) AS edges
}
CALL (members, edges) {
  UNWIND members AS a
  CALL (a) {
    WITH a WHERE $at IS NOT NULL
    RETURN COUNT { (a)-[r]-() WHERE type(r) IN $types AND
// include: read/parts/valid-at
    } AS degree
    UNION
    WITH a WHERE $at IS NULL
    RETURN reduce(n = 0, row IN [
        ['OWNS', COUNT { (a)-[:OWNS]-() }],
        ['CONTROLS', COUNT { (a)-[:CONTROLS]-() }],
        ['FRONT_COMPANY_OF', COUNT { (a)-[:FRONT_COMPANY_OF]-() }],
        ['OPERATES', COUNT { (a)-[:OPERATES]-() }],
        ['PART_OF', COUNT { (a)-[:PART_OF]-() }],
        ['LEADS', COUNT { (a)-[:LEADS]-() }],
        ['DIRECTOR_OF', COUNT { (a)-[:DIRECTOR_OF]-() }],
        ['REPRESENTS', COUNT { (a)-[:REPRESENTS]-() }],
        ['SUPPLIES', COUNT { (a)-[:SUPPLIES]-() }],
        ['MEMBER_OF', COUNT { (a)-[:MEMBER_OF]-() }],
        ['EMPLOYED_BY', COUNT { (a)-[:EMPLOYED_BY]-() }],
        ['SUCCEEDED_BY', COUNT { (a)-[:SUCCEEDED_BY]-() }],
        ['FAMILY', COUNT { (a)-[:FAMILY]-() }],
        ['ASSOCIATE', COUNT { (a)-[:ASSOCIATE]-() }],
        ['LINKED_TO', COUNT { (a)-[:LINKED_TO]-() }],
        ['HOLDS_POSITION', COUNT { (a)-[:HOLDS_POSITION]-() }],
        ['PAID', COUNT { (a)-[:PAID]-() }],
        ['OWES', COUNT { (a)-[:OWES]-() }],
        ['AWARDED_TO', COUNT { (a)-[:AWARDED_TO]-() }],
        ['PARTY_TO', COUNT { (a)-[:PARTY_TO]-() }],
        ['PARTICIPATES_IN', COUNT { (a)-[:PARTICIPATES_IN]-() }],
        ['DOCUMENTS', COUNT { (a)-[:DOCUMENTS]-() }],
        ['SAME_AS', COUNT { (a)-[:SAME_AS]-() }]
    ] | n + CASE WHEN row[0] IN $types THEN row[1] ELSE 0 END) AS degree
  }
  RETURN collect({id: a.id, count: degree - size([e IN edges WHERE e.source = a.id OR e.target = a.id])}) AS omitted
}
