// Included with `e` bound to an entity: its sanctions in force on $at (read/parts/sanction-in-force) by the
// authorities in $authorities (lower-case substrings of the authority; null for any).
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_SANCTION]->(x:Sanction)
  WHERE ($authorities IS NULL OR any(au IN $authorities WHERE toLower(x.authority) CONTAINS au))
    AND
// include: read/parts/sanction-in-force
  RETURN collect(x {.*}) AS sanctions
}
