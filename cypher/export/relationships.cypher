// One page of relationships of the vocabulary's types ($types) between exported entities, in (type, id) order.
MATCH (a:Entity)-[r:$any($types)]->(b:Entity)
WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
WITH a, r, b, type(r) + ':' + r.id AS key
WHERE key > $after
RETURN key, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY key
LIMIT $limit
