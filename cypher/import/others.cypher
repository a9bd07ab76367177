// Upserts FtM entities of schemata the graph does not model (Risk, Mention, Similar, ...) as (:FtmRecord) nodes:
// the entity whole (JSON) for the export, linked from the entities its entity-valued properties name ($refs).
UNWIND $rows AS row
MERGE (o:FtmRecord {id: row.id})
SET o.schema = row.schema, o.ftm = row.ftm, o.refs = CASE WHEN size(row.refs) > 0 THEN row.refs END
SET o.sourceIds = CASE WHEN size(row.sourceIds) = 0 THEN o.sourceIds
  ELSE coalesce(o.sourceIds, []) + [v IN row.sourceIds WHERE NOT v IN coalesce(o.sourceIds, [])] END
SET o.datasets = CASE WHEN size(row.datasets) = 0 THEN o.datasets
  ELSE coalesce(o.datasets, []) + [v IN row.datasets WHERE NOT v IN coalesce(o.datasets, [])] END
WITH o, row
CALL (o, row) {
  UNWIND row.refs AS ref
  MATCH (e:Entity {id: ref})
  MERGE (e)-[:HAS_RECORD]->(o)
}
