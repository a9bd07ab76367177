// Whether each entity was sanctioned on the day $at (DataLoader batch).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id,
// include: read/parts/sanctioned-at
AS sanctioned
