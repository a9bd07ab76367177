// The audit log, newest first, filtered by actor and/or entity (either may be null): how many events match, and
// one page of them ($offset, $limit). Pending events (a write still in its transaction) are left out.
CALL () {
  MATCH (ev:AuditEvent)
  WHERE ev.pending IS NULL
    AND ($actor IS NULL OR ev.actor = $actor)
    AND ($entity IS NULL OR ev.targetId = $entity OR $entity IN ev.entityIds)
  RETURN count(ev) AS total
}
CALL () {
  MATCH (ev:AuditEvent)
  WHERE ev.pending IS NULL
    AND ($actor IS NULL OR ev.actor = $actor)
    AND ($entity IS NULL OR ev.targetId = $entity OR $entity IN ev.entityIds)
  WITH ev
  ORDER BY ev.at DESC, ev.id
  SKIP $offset
  LIMIT $limit
  RETURN collect(ev {.*}) AS page
}
RETURN total, page
