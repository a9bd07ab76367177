// One page of sanctions of exported entities, in id order, with the sources they cite.
MATCH (e:Entity)-[:HAS_SANCTION]->(s:Sanction)
WHERE ($ids IS NULL OR e.id IN $ids) AND s.id > $after
WITH s, min(e.id) AS entityId
RETURN s.id AS key, entityId, properties(s) AS props,
  COLLECT { MATCH (src:Source) WHERE src.id IN s.sourceIds AND NOT src.id STARTS WITH 'ftm:' RETURN src {.publisher, .url, .recordId} } AS sources
ORDER BY key
LIMIT $limit
