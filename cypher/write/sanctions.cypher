// Upserts sanctions (designations) as nodes of their own, attached to the sanctioned entity.
UNWIND $rows AS row
MATCH (e:Entity {id: row.entityId})
MERGE (s:Sanction {id: row.id})
SET s += row.props
SET s.sourceIds = CASE WHEN size(row.sourceIds) = 0 THEN s.sourceIds
  ELSE coalesce(s.sourceIds, []) + [v IN row.sourceIds WHERE NOT v IN coalesce(s.sourceIds, [])] END
MERGE (e)-[:HAS_SANCTION]->(s)
SET e.sanctioned = true
