// A user's alerts raised after a point ($at, $id: the last one delivered), oldest first: the live feed's poll.
MATCH (a:Alert {owner: $owner})
WHERE a.at > $at OR (a.at = $at AND a.id > $id)
RETURN a {.*} AS alert
ORDER BY a.at, a.id
LIMIT 100
