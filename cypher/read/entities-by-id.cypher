// Entities by id (DataLoader batch). Returns only the ids that exist.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.*} AS entity
