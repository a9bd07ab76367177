// A relationship of the vocabulary ($types) by id, found from one of its ends (an expansion, not a scan of every
// relationship), write-locked until the transaction ends.
MATCH (:Entity {id: $entity})-[r]-(:Entity)
WHERE r.id = $id AND type(r) IN $types
WITH DISTINCT r
SET r.locked = true
REMOVE r.locked
RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship
