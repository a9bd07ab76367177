// Retracts an analyst relationship without losing it: it becomes a RETRACTED relationship between the same ends
// with every property it had, its original type (retractedType), and who retracted it, when, why and on which
// sources. RETRACTED is outside the vocabulary, so no read (paths, neighbourhoods, counts, export) follows it,
// while the fact and its history stay (and the audit log keeps both versions).
MATCH (:Entity {id: $entity})-[r]-(:Entity)
WHERE r.id = $id AND type(r) IN $types
WITH DISTINCT r
MATCH (a)-[r]->(b)
CREATE (a)-[x:RETRACTED]->(b)
SET x = properties(r)
SET x.retractedType = type(r), x.retractedAt = $at, x.retractedBy = $actor, x.retractedReason = $reason,
  x.retractionSourceIds = $sourceIds
DELETE r
RETURN x {.*, type: 'RETRACTED', source: a.id, target: b.id} AS relationship
