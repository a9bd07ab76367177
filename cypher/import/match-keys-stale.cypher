// Entities whose match keys are missing or were computed from other names than they have now (server/matching/keys.ts).
MATCH (e:Entity)
WITH e, [e.name] + coalesce(e.aliases, []) AS names
WHERE e.matchKeyedNames IS NULL OR e.matchKeyedNames <> names
RETURN e.id AS id, names
LIMIT $limit
