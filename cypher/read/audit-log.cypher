// A page of the audit log, newest first: all events, or those of one actor and/or touching one entity or relationship.
MATCH (ev:AuditEvent)
WHERE ev.pending IS NULL
  AND ($actor IS NULL OR ev.actor = $actor)
  AND ($entity IS NULL OR ev.targetId = $entity OR $entity IN ev.entityIds)
WITH ev
ORDER BY ev.at DESC, ev.id
WITH collect(ev {.*}) AS events
RETURN size(events) AS total, events[$offset..($offset + $limit)] AS page
