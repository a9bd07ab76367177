// The sources of the entities a SAME_AS link joins (its provenance).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, coalesce(e.sourceIds, []) AS sourceIds
