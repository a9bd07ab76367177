// One page of sanctions of exported entities, in id order.
MATCH (e:Entity)-[:HAS_SANCTION]->(s:Sanction)
WHERE ($ids IS NULL OR e.id IN $ids) AND s.id > $after
WITH s, min(e.id) AS entityId
RETURN s.id AS key, entityId, properties(s) AS props
ORDER BY key
LIMIT $limit
