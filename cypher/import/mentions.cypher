// Upserts mentions: a name a list links an entity to that matches no record (status 'unresolved') or several
// the program context cannot choose between ('ambiguous'). A Mention is never an Entity, so search and paths
// do not see it; (:Entity)-[:MENTIONS]->(:Mention)-[:CANDIDATE]->(:Entity) makes it queryable.
UNWIND $rows AS row
MATCH (e:Entity {id: row.entityId})
MERGE (m:Mention {id: row.id})
SET m.name = row.name, m.status = row.status, m.role = row.role, m.candidates = row.candidates
SET m.sourceIds = coalesce(m.sourceIds, []) + [v IN row.sourceIds WHERE NOT v IN coalesce(m.sourceIds, [])]
SET m.datasets = coalesce(m.datasets, []) + [v IN row.datasets WHERE NOT v IN coalesce(m.datasets, [])]
MERGE (e)-[r:MENTIONS]->(m)
SET r.role = row.role
WITH m, row
CALL (m, row) {
  UNWIND row.candidates AS candidateId
  MATCH (c:Entity {id: candidateId})
  MERGE (m)-[:CANDIDATE]->(c)
}
