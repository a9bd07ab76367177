// Candidates for a name: the full-text index over the names' match keys (server/matching/keys.ts). $lucene is
// built from [a-z0-9] tokens only; filters are applied to the index hits. The API scores and orders them.
CALL db.index.fulltext.queryNodes('entity_match_keys', $lucene, {limit: $scan}) YIELD node
WHERE ($schemata IS NULL OR node.schema IN $schemata)
  AND ($countries IS NULL OR any(c IN node.countries WHERE c IN $countries))
  AND ($sanctioned IS NULL OR node.sanctioned = $sanctioned)
RETURN node {.*} AS entity, [(node)-[:SAME_AS]-(other:Entity) | other.id][..20] AS sameAs
