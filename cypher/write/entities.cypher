// Upserts entities. The schema (and its label, checked against the vocabulary by the caller) is set when the
// node is created; later writers add to it. List properties are unions, so sources that describe the same party
// (the seed and an OFAC import, say) add names and citations rather than overwrite them, and a re-run changes nothing.
// FtM's dates keep the earliest first_seen and the latest last_seen/last_change any source gave; each referent
// (FtM `referents`, a list's former ids) becomes a (:Referent) that still finds the entity.
// The match keys (server/matching/keys.ts) come with the row, computed from the names a node gets from this row
// alone; they are set in the same write when the node's names came out so (a new node, or one re-imported
// unchanged). The ids of nodes whose keys are still not those of their names (they had other names before) are
// returned, and the caller brings their keys up to date (cypher/import/match-keys-of.cypher).
// include: write/parts/entity-upsert
WITH e, names
WHERE coalesce(e.matchKeyedNames <> names, true)
RETURN DISTINCT e.id AS id
