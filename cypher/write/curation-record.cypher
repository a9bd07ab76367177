// Completes the claimed audit event with what the write did (actor, time, operation, before/after, sources).
MATCH (ev:AuditEvent {clientId: $clientId})
REMOVE ev.pending
SET ev += $event
RETURN ev {.*} AS event
