// Included by neighbourhood and subgraph: given `members` (a list of entities), the relationships among them
// (`edges`) and per member how many of its relationships lead outside the list (`omitted`).
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[r:$any($types)]->(b)
  WHERE b IN members
  RETURN collect(DISTINCT r {.*, type: type(r), source: a.id, target: b.id}) AS edges
}
CALL (members) {
  UNWIND members AS a
  RETURN collect({id: a.id, count: COUNT { (a)-[:$any($types)]-(y) WHERE NOT y IN members }}) AS omitted
}
