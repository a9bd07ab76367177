// A user's alerts raised after a point ($at, $id: the last one delivered), oldest first: the live feed's poll. Each
// comes with its entity, read now: a subscription outlives its request's deadline, so its fields cannot be loaded later.
MATCH (a:Alert {owner: $owner})
WHERE a.at > $at OR (a.at = $at AND a.id > $id)
WITH a
ORDER BY a.at, a.id
LIMIT 100
OPTIONAL MATCH (e:Entity {id: a.entityId})
RETURN a {.*, entity: e {.*}} AS alert
