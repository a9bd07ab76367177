// After an offline import (server/import/bulk): neo4j-admin cannot store an empty list, so the CSV names such keys
// in `bulkEmptyLists`; here they become the empty lists the online writer stores. Auto-commit (IN TRANSACTIONS).
MATCH (n)
WHERE n.bulkEmptyLists IS NOT NULL
CALL (n) {
  FOREACH (key IN n.bulkEmptyLists | SET n[key] = [])
  REMOVE n.bulkEmptyLists
} IN TRANSACTIONS OF 10000 ROWS
