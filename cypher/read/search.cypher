// Fuzzy search over names and aliases. $lucene is built from the user's words with every special character
// escaped (server/graphql/lucene.ts); filters are applied to the index hits, best score first.
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $scan}) YIELD node, score
WHERE ($schemata IS NULL OR node.schema IN $schemata)
  AND ($countries IS NULL OR any(c IN node.countries WHERE c IN $countries))
  AND ($sanctioned IS NULL OR node.sanctioned = $sanctioned)
WITH node, score
ORDER BY score DESC, node.id
WITH collect({entity: node {.*}, score: score}) AS hits
RETURN size(hits) AS total, hits[$offset..($offset + $limit)] AS page
