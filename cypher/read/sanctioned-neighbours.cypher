// For several entities (DataLoader batch): how many distinct entities one relationship of the vocabulary away
// are sanctioned. Reads each neighbour's `sanctioned` flag; no sanctions are loaded.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  OPTIONAL MATCH (e)-[r]-(n:Entity)
  WHERE type(r) IN $types AND n.sanctioned = true AND n <> e
  RETURN count(DISTINCT n) AS count
}
RETURN id, count
