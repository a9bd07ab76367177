// A user's alerts, newest first ($unreadOnly: only those not yet read), at most $limit; and the unread count.
CALL () {
  MATCH (a:Alert {owner: $owner})
  WHERE NOT $unreadOnly OR NOT a.read
  RETURN a ORDER BY a.at DESC, a.id LIMIT $limit
}
WITH collect(a {.*}) AS alerts
RETURN alerts, COUNT { (x:Alert {owner: $owner}) WHERE NOT x.read } AS unread
