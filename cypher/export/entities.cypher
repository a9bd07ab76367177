// One page of entities (all, or those in $ids), in id order after $after, with the sources they cite (for the
// export's publisher/sourceUrl; an FtM file's own record sources are left out: the entity carries its own).
MATCH (e:Entity)
WHERE ($ids IS NULL OR e.id IN $ids) AND e.id > $after
RETURN e.id AS key, e {.*} AS node,
  COLLECT { MATCH (s:Source) WHERE s.id IN e.sourceIds AND NOT s.id STARTS WITH 'ftm:' RETURN s {.publisher, .url, .recordId} } AS sources
ORDER BY key
LIMIT $limit
