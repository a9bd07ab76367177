// Upserts relationships between existing entities; the type is checked against the vocabulary by the caller.
// Rows whose ends are missing are returned so the caller can report them instead of losing them silently.
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.source})
OPTIONAL MATCH (b:Entity {id: row.target})
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
  SET r += row.props
  SET r.sourceIds = coalesce(r.sourceIds, []) + [v IN row.sourceIds WHERE NOT v IN coalesce(r.sourceIds, [])]
}
WITH row, a, b
WHERE a IS NULL OR b IS NULL
RETURN row.id AS id, row.source AS source, row.target AS target, a IS NULL AS sourceMissing, b IS NULL AS targetMissing
