// Stores the match keys of entities, and the names they were computed from (so a later step can tell they are current).
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.matchTokens = row.matchTokens, e.matchPhonetic = row.matchPhonetic, e.matchSkeletons = row.matchSkeletons,
  e.matchKeyedNames = row.names
