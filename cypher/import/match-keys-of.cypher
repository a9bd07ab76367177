// The entities among $ids whose match keys are missing or were computed from other names than they have now
// (server/matching/keys.ts): the keys step of an import looks only at the entities the import wrote.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH e, [e.name] + coalesce(e.aliases, []) AS names
WHERE e.matchKeyedNames IS NULL OR e.matchKeyedNames <> names
RETURN e.id AS id, names
