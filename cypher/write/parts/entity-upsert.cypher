// The entity upsert shared by the importers (write/entities) and the analysts' writes (write/curation-entity):
// ends with `e` (the node), `row` and `names` (its name and aliases as written) in scope. `row.narrower` and
// `row.matchKeys` are the importers' (server/db/writer.ts): without them the row's schema is set as given and no key
// is written here (an analyst's write names the entity's own schema and writes its keys afterwards, curate.ts).
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.schema = row.schema, e.name = row.name
// A node keeps a more specific schema's label (the seed's PublicBody over a list's Organization).
SET e:$(CASE WHEN e.schema IN row.narrower THEN e.schema ELSE row.schema END)
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
WITH e, row, [e.name] + coalesce(e.aliases, []) AS names
FOREACH (k IN CASE WHEN names = row.matchKeys.names AND coalesce(e.matchKeyedNames <> names, true) THEN [row.matchKeys] ELSE [] END |
  // No list is stored empty: a name with no skeleton, say, leaves that key absent (as cypher/write/match-keys.cypher).
  SET e.matchTokens = CASE WHEN size(k.matchTokens) > 0 THEN k.matchTokens END,
    e.matchPhonetic = CASE WHEN size(k.matchPhonetic) > 0 THEN k.matchPhonetic END,
    e.matchSkeletons = CASE WHEN size(k.matchSkeletons) > 0 THEN k.matchSkeletons END,
    e.matchKeyedNames = k.names
)
