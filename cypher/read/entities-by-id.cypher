// Entities by id (DataLoader batch). Returns only the ids that exist. An id that is no entity's may be a former
// id or FtM referent of one (e.g. a UN reference number id from before the import used the list's DATAID).
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (:Referent {id: id})-[:OF]->(f:Entity)
WITH id, coalesce(e, f) AS found
WHERE found IS NOT NULL
RETURN id, found {.*} AS entity
