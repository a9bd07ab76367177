// Stores the match keys of entities, and the names they were computed from (so a later step can tell they are current).
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
// No list is stored empty (server/db/writer.ts nonEmpty): a name with no skeleton, say, leaves that key absent.
SET e.matchTokens = CASE WHEN size(row.matchTokens) > 0 THEN row.matchTokens END,
  e.matchPhonetic = CASE WHEN size(row.matchPhonetic) > 0 THEN row.matchPhonetic END,
  e.matchSkeletons = CASE WHEN size(row.matchSkeletons) > 0 THEN row.matchSkeletons END,
  e.matchKeyedNames = row.names
