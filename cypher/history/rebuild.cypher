// Replaces the stored history of some records (versions, change events, listing periods, periods of their
// `Linked To` relationships) with the one rebuilt from all snapshots, in one transaction per batch: an
// interrupted replay leaves each record either before or after, and a re-run converges.
UNWIND $rows AS row
CALL (row) {
  MATCH (v:RecordVersion {dataset: $dataset, recordId: row.recordId})
  DELETE v
}
CALL (row) {
  MATCH (c:Change {dataset: $dataset, recordId: row.recordId})
  DELETE c
}
CALL (row) {
  UNWIND row.versions AS v
  CREATE (:RecordVersion {dataset: $dataset, recordId: row.recordId, from: v.from, to: v.to, hash: v.hash, fields: v.fields})
}
CALL (row) {
  UNWIND row.changes AS c
  CREATE (:Change {dataset: $dataset, recordId: row.recordId, entityId: row.entityId, date: c.date, kind: c.kind, fields: c.fields})
}
CALL (row) {
  MATCH (e:Entity {id: row.entityId})
  SET e.listings = [l IN coalesce(e.listings, []) WHERE NOT l STARTS WITH $dataset + '|'] + row.listings
  WITH e, row
  // The record's sanctions end with its listing; "sanctioned" means sanctioned now (listed, or an active sanction).
  CALL (e, row) {
    MATCH (e)-[:HAS_SANCTION]->(s:Sanction)
    WHERE row.sourceId IN s.sourceIds
    SET s.delistedOn = row.delistedOn
  }
  SET e.sanctioned = any(l IN e.listings WHERE l ENDS WITH '|')
    OR EXISTS { MATCH (e)-[:HAS_SANCTION]->(s:Sanction) WHERE s.delistedOn IS NULL AND (s.endDate IS NULL OR s.endDate >= $today) }
}
CALL (row) {
  UNWIND row.links AS link
  MATCH (:Entity {id: row.entityId})-[r:LINKED_TO]->(b:Entity)
  WHERE any(v IN link.variants WHERE v IN b.names)
  SET r.listings = link.periods
}
RETURN count(row) AS records
