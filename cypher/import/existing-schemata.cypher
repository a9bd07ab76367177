// The schema of the entities of a batch that already exist (so an import keeps a more specific one).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.schema AS schema
