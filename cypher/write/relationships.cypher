// Upserts relationships between existing entities; the type is checked against the vocabulary by the caller.
// One fact is one relationship: a row lands on the relationship with its id or, failing that, on one of the same
// type between the same ends (either way round when the type is undirected) over the same dates, whatever id
// another source gave it (the seed's and OFAC's copy of one "Linked To"). It adds its sources and datasets, and
// only the properties that relationship lacks; a re-run of the same record updates its own relationship.
// Analyst facts (dataset `analyst`, server/curation/input.ts) are never merged either way: each is its own audited,
// retractable fact, and a list import never adds to or changes one.
// Rows whose ends are missing are returned so the caller can report them instead of losing them silently.
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.source})
OPTIONAL MATCH (b:Entity {id: row.target})
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  CALL (row, a, b) {
    OPTIONAL MATCH (a)-[f:$(row.type)]-(b)
    WHERE f.id = row.id OR ((NOT row.directed OR startNode(f) = a)
      AND NOT 'analyst' IN row.datasets AND NOT 'analyst' IN coalesce(f.datasets, [])
      AND coalesce(f.startDate, '') = coalesce(row.props.startDate, '')
      AND coalesce(f.endDate, '') = coalesce(row.props.endDate, ''))
    RETURN f ORDER BY f.id = row.id DESC, f.id LIMIT 1
  }
  CALL (row, a, b, f) {
    WITH row, a, b, f WHERE f IS NULL
    CREATE (a)-[r:$(row.type) {id: row.id}]->(b)
    SET r += row.props
  }
  CALL (row, f) {
    WITH row, f WHERE f IS NOT NULL AND f.id = row.id
    SET f += row.props
  }
  CALL (row, f) {
    WITH row, f WHERE f IS NOT NULL AND f.id <> row.id
    FOREACH (key IN [k IN keys(row.props) WHERE f[k] IS NULL] | SET f[key] = row.props[key])
  }
  MATCH (a)-[r:$(row.type)]-(b) WHERE r.id = coalesce(f.id, row.id)
  WITH DISTINCT row, r
  SET r.sourceIds = CASE WHEN size(row.sourceIds) = 0 THEN r.sourceIds
    ELSE coalesce(r.sourceIds, []) + [v IN row.sourceIds WHERE NOT v IN coalesce(r.sourceIds, [])] END
  SET r.datasets = CASE WHEN size(row.datasets) = 0 THEN r.datasets
    ELSE coalesce(r.datasets, []) + [v IN row.datasets WHERE NOT v IN coalesce(r.datasets, [])] END
  SET r.referents = CASE WHEN size(row.referents) = 0 THEN r.referents
    ELSE coalesce(r.referents, []) + [v IN row.referents WHERE NOT v IN coalesce(r.referents, [])] END
  SET r.first_seen = CASE WHEN row.seen.first_seen IS NULL OR r.first_seen <= row.seen.first_seen THEN r.first_seen ELSE row.seen.first_seen END
  SET r.last_seen = CASE WHEN row.seen.last_seen IS NULL OR r.last_seen >= row.seen.last_seen THEN r.last_seen ELSE row.seen.last_seen END
  SET r.last_change = CASE WHEN row.seen.last_change IS NULL OR r.last_change >= row.seen.last_change THEN r.last_change ELSE row.seen.last_change END
}
WITH row, a, b
WHERE a IS NULL OR b IS NULL
RETURN row.id AS id, row.source AS source, row.target AS target, a IS NULL AS sourceMissing, b IS NULL AS targetMissing
