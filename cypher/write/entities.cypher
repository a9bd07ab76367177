// Upserts entities. The schema (and its label, checked against the vocabulary by the caller) is set when the
// node is created; later writers add to it. List properties are unions, so sources that describe the same party
// (the seed and an OFAC import, say) add names and citations rather than overwrite them, and a re-run changes nothing.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.schema = row.schema, e.name = row.name
SET e:$(row.schema)
SET e.sanctioned = coalesce(e.sanctioned, false)
FOREACH (key IN keys(row.lists) |
  SET e[key] = coalesce(e[key], []) + [v IN row.lists[key] WHERE NOT v IN coalesce(e[key], [])]
)
SET e.aliases = [a IN e.aliases WHERE a <> e.name]
