// The same as bulk-empty-lists-nodes.cypher for relationships.
MATCH ()-[r]->()
WHERE r.bulkEmptyLists IS NOT NULL
CALL (r) {
  FOREACH (key IN r.bulkEmptyLists | SET r[key] = [])
  REMOVE r.bulkEmptyLists
} IN TRANSACTIONS OF 10000 ROWS
