// Mentions around several entities (DataLoader batch): the parties each entity's records name that the importers
// could not resolve (`named`), and the ambiguous mentions that list it as a candidate (`candidateIn`). At most
// $limit of each per entity, by name.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  OPTIONAL MATCH (e)-[:MENTIONS]->(m:Mention)
  WITH m ORDER BY m.name, m.id LIMIT $limit
  RETURN collect(m {.*, entityId: e.id}) AS named
}
CALL (e) {
  OPTIONAL MATCH (from:Entity)-[:MENTIONS]->(m:Mention)-[:CANDIDATE]->(e)
  WITH m, from ORDER BY m.name, m.id LIMIT $limit
  RETURN collect(m {.*, entityId: from.id}) AS candidateIn
}
RETURN id, named, candidateIn
