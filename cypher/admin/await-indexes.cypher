// Waits until every index is online (after the schema is applied, or after a large import), at most $seconds.
CALL db.awaitIndexes($seconds)
