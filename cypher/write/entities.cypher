// Upserts entities. The schema (and its label, checked against the vocabulary by the caller) is set when the
// node is created; later writers add to it. List properties are unions, so sources that describe the same party
// (the seed and an OFAC import, say) add names and citations rather than overwrite them, and a re-run changes nothing.
// FtM's dates keep the earliest first_seen and the latest last_seen/last_change any source gave; each referent
// (FtM `referents`, a list's former ids) becomes a (:Referent) that still finds the entity.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.schema = row.schema, e.name = row.name
SET e:$(row.schema)
SET e.sanctioned = coalesce(e.sanctioned, false) OR row.sanctioned
FOREACH (key IN keys(row.lists) |
  SET e[key] = coalesce(e[key], []) + [v IN row.lists[key] WHERE NOT v IN coalesce(e[key], [])]
)
// No list is stored empty (server/db/writer.ts nonEmpty): aliases that are all the name leave no property.
SET e.aliases = CASE WHEN any(a IN e.aliases WHERE a <> e.name) THEN [a IN e.aliases WHERE a <> e.name] END
SET e.first_seen = CASE WHEN row.seen.first_seen IS NULL OR e.first_seen <= row.seen.first_seen THEN e.first_seen ELSE row.seen.first_seen END
SET e.last_seen = CASE WHEN row.seen.last_seen IS NULL OR e.last_seen >= row.seen.last_seen THEN e.last_seen ELSE row.seen.last_seen END
SET e.last_change = CASE WHEN row.seen.last_change IS NULL OR e.last_change >= row.seen.last_change THEN e.last_change ELSE row.seen.last_change END
FOREACH (ref IN [r IN row.referents WHERE r <> row.id] |
  MERGE (x:Referent {id: ref})
  MERGE (x)-[:OF]->(e)
)
