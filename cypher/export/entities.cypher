// One page of entities (all, or those in $ids), in id order after $after.
MATCH (e:Entity)
WHERE ($ids IS NULL OR e.id IN $ids) AND e.id > $after
RETURN e.id AS key, e {.*} AS node
ORDER BY key
LIMIT $limit
