// The importers' entity upsert (lists are unions: nothing is removed), returning the entity as written.
// include: write/parts/entity-upsert
RETURN e {.*} AS entity
