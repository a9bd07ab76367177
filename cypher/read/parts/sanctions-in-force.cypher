// Included with `e` bound to an entity: its sanctions in force on $at (start, or listing, date on or before
// $at; no end date, or one on or after it; dates compared on their common prefix so a partial date covers its
// period; a sanction without dates counts on any date) by the authorities in $authorities (lower-case
// substrings of the authority; null for any).
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_SANCTION]->(x:Sanction)
  WHERE ($authorities IS NULL OR any(au IN $authorities WHERE toLower(x.authority) CONTAINS au))
    AND (coalesce(x.startDate, x.listingDate) IS NULL
      OR left(coalesce(x.startDate, x.listingDate), size($at)) <= left($at, size(coalesce(x.startDate, x.listingDate))))
    AND (x.endDate IS NULL OR left($at, size(x.endDate)) <= left(x.endDate, size($at)))
  RETURN collect(x {.*}) AS sanctions
}
