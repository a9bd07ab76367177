// Ends a relationship: sets its end date and adds the sources that state it. The relationship stays.
MATCH (:Entity {id: $entity})-[r]-(:Entity)
WHERE r.id = $id AND type(r) IN $types
WITH DISTINCT r
SET r.endDate = $endDate
SET r.sourceIds = coalesce(r.sourceIds, []) + [v IN $sourceIds WHERE NOT v IN coalesce(r.sourceIds, [])]
RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship
