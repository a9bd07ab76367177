// One page of relationships of the vocabulary's types ($types) between exported entities, in (type, id) order,
// with the sources they cite (an FtM file's own record sources left out).
MATCH (a:Entity)-[r:$any($types)]->(b:Entity)
WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
WITH a, r, b, type(r) + ':' + r.id AS key
WHERE key > $after
RETURN key, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props,
  COLLECT { MATCH (s:Source) WHERE s.id IN r.sourceIds AND NOT s.id STARTS WITH 'ftm:' RETURN s {.publisher, .url, .recordId} } AS sources
ORDER BY key
LIMIT $limit
