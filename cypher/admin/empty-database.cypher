// Deletes every node and relationship, in batches: for tests and benchmarks, on a database of their own only.
// CALL ... IN TRANSACTIONS needs an auto-commit transaction (server/db/schema.ts emptyDatabase runs it so).
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
