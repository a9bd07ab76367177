// One page of entities (all, or those in $ids), in id order after $after, with the sources they cite (for the
// export's publisher/sourceUrl; an FtM file's own record sources are left out: the entity carries its own) and,
// for an entity with list history (server/history/), the date its record was last added or amended.
MATCH (e:Entity)
WHERE ($ids IS NULL OR e.id IN $ids) AND e.id > $after
RETURN e.id AS key, e {.*} AS node,
  COLLECT { MATCH (s:Source) WHERE s.id IN e.sourceIds AND NOT s.id STARTS WITH 'ftm:' RETURN s {.publisher, .url, .recordId} } AS sources,
  CASE WHEN e.listings IS NULL THEN null ELSE head(COLLECT {
    MATCH (c:Change {entityId: e.id}) WHERE c.kind <> 'REMOVED' RETURN c.date ORDER BY c.date DESC LIMIT 1
  }) END AS lastListChange
ORDER BY key
LIMIT $limit
