// Included with `e` bound to an entity: its sanctions in force on $at (read/parts/sanction-in-force) by the
// authorities in $authorities (lower-case substrings of the authority; null for any). An entity with list history
// (`listings`) has none on a day no listing period covers: its list records carry no dates of their own, so a
// record added later, or delisted and listed again, is not taken as in force on a day it was off the list.
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_SANCTION]->(x:Sanction)
  WHERE ($authorities IS NULL OR any(au IN $authorities WHERE toLower(x.authority) CONTAINS au))
    AND (e.listings IS NULL OR
// include: read/parts/listed-at
    )
    AND
// include: read/parts/sanction-in-force
  RETURN collect(x {.*}) AS sanctions
}
