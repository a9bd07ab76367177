// One page of the audit log in write order (time, then client id) after $after (a `time|clientId` key).
MATCH (ev:AuditEvent)
WHERE ev.pending IS NULL AND ev.at + '|' + ev.clientId > $after
RETURN ev.at + '|' + ev.clientId AS key, ev {.*} AS event
ORDER BY key
LIMIT $limit
