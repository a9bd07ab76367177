// A user's active watches, newest first, with their unread alert counts.
MATCH (w:Watch {owner: $owner})
WHERE w.active
RETURN w {.*, unread: COUNT { (a:Alert {watchId: w.id}) WHERE NOT a.read }} AS watch
ORDER BY w.createdAt DESC
