// Marks a user's alerts as read: those in $ids, or all when $ids is null. Returns how many changed.
MATCH (a:Alert {owner: $owner})
WHERE NOT a.read AND ($ids IS NULL OR a.id IN $ids)
SET a.read = true
RETURN count(a) AS changed
