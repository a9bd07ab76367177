// The active watches, with their centres: the watched entity, or the entities of the watched investigation.
MATCH (w:Watch)
WHERE w.active
OPTIONAL MATCH (i:Investigation {id: w.investigationId})
RETURN w {.*} AS watch, CASE WHEN w.entityId IS NOT NULL THEN [w.entityId] ELSE coalesce(i.entityIds, []) END AS centres
