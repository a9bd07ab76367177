// Candidates for a name: the full-text index over the names' match keys (server/matching/keys.ts). $lucene is
// built from [a-z0-9] tokens only; filters are applied to the index hits. The API scores and orders them.
// $sanctioned filters on "sanctioned now", or with $at (a day) on sanctioned that day (read/parts/sanctioned-at).
CALL db.index.fulltext.queryNodes('entity_match_keys', $lucene, {limit: $scan}) YIELD node
WITH node AS e
WHERE ($schemata IS NULL OR e.schema IN $schemata)
  AND ($countries IS NULL OR any(c IN e.countries WHERE c IN $countries))
  AND ($sanctioned IS NULL OR $sanctioned = CASE WHEN $at IS NULL THEN coalesce(e.sanctioned, false) ELSE
// include: read/parts/sanctioned-at
  END)
RETURN e {.*} AS entity, [(e)-[:SAME_AS]-(other:Entity) | other.id][..20] AS sameAs
