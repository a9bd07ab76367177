// Claims a write's client-supplied id (idempotency), first in the write's transaction, and adds the sources it
// cites. MERGE on the unique AuditEvent.clientId: a concurrent write with the same id waits for this one to commit
// (or roll back) and then finds (or makes) the claim; `fresh` is true when this transaction made it. Source ids are
// digests of their content, so an existing source is left as it is (no write, no lock on a source many writes cite).
MERGE (ev:AuditEvent {clientId: $clientId})
ON CREATE SET ev.pending = true
WITH ev, coalesce(ev.pending, false) AS fresh
CALL (fresh) {
  WITH fresh WHERE fresh
  UNWIND $sources AS row
  MERGE (s:Source {id: row.id})
  ON CREATE SET s += row
}
RETURN fresh, ev {.*} AS event
