// The importers' entity upsert (lists are unions: nothing is removed), returning the entity as written.
// include: write/entities
RETURN e {.*} AS entity
