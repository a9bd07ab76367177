// Upserts FtM Identification/Passport entities as (:Identification) nodes (label Passport too, from the
// caller's fixed list), every FtM property verbatim as a list, linked from each holder that exists.
UNWIND $rows AS row
MERGE (i:Identification {id: row.id})
SET i.schema = row.schema
SET i:$(CASE row.schema WHEN 'Passport' THEN 'Passport' ELSE 'Identification' END)
SET i += row.properties
SET i.holder = CASE WHEN size(row.holderIds) > 0 THEN row.holderIds END
SET i.sourceIds = CASE WHEN size(row.sourceIds) = 0 THEN i.sourceIds
  ELSE coalesce(i.sourceIds, []) + [v IN row.sourceIds WHERE NOT v IN coalesce(i.sourceIds, [])] END
SET i.datasets = CASE WHEN size(row.datasets) = 0 THEN i.datasets
  ELSE coalesce(i.datasets, []) + [v IN row.datasets WHERE NOT v IN coalesce(i.datasets, [])] END
SET i.referents = CASE WHEN size(row.referents) > 0 THEN row.referents END, i.first_seen = row.seen.first_seen, i.last_seen = row.seen.last_seen, i.last_change = row.seen.last_change
WITH i, row
CALL (i, row) {
  UNWIND row.holderIds AS holderId
  MATCH (h:Entity {id: holderId})
  MERGE (h)-[:HAS_IDENTIFICATION]->(i)
}
