// Removes the SAME_AS links of the link step (dataset "link") that its rules no longer support; $keep holds the ids
// of the links it just wrote. Links from other sources are left alone.
OPTIONAL MATCH ()-[r:SAME_AS]->()
WHERE 'link' IN coalesce(r.datasets, []) AND NOT r.id IN $keep
WITH collect(r) AS stale
FOREACH (r IN stale | DELETE r)
RETURN size(stale) AS removed
