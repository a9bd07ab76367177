// Entities whose match keys are missing or were computed from other names than they have now
// (server/matching/keys.ts), in id order from $after (the id index drives the scan, so each batch starts where the
// last one ended).
MATCH (e:Entity)
WHERE e.id > $after
WITH e, [e.name] + coalesce(e.aliases, []) AS names
WHERE e.matchKeyedNames IS NULL OR e.matchKeyedNames <> names
RETURN e.id AS id, names
ORDER BY e.id
LIMIT $limit
