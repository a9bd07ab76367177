// The entity an ownership question is about, with its own sanctions in force on $at by $authorities.
MATCH (e:Entity {id: $id})
// include: read/parts/sanctions-in-force
RETURN e {.*} AS entity, sanctions
