// Included where an entity `e` is tested: whether it was sanctioned on the day $at. Listed on a list in a
// snapshot period covering $at (`dataset|from|to`, server/history/), or under a sanction whose start (or listing)
// date is on or before $at, whose end date (possibly partial) is not before it, and that was not delisted by then.
(any(l IN coalesce(e.listings, []) WHERE split(l, '|')[1] <= $at AND (split(l, '|')[2] = '' OR split(l, '|')[2] > $at))
  OR EXISTS {
    MATCH (e)-[:HAS_SANCTION]->(s:Sanction)
    WHERE coalesce(s.startDate, s.listingDate) <= left($at, size(coalesce(s.startDate, s.listingDate)))
      AND (s.endDate IS NULL OR s.endDate >= left($at, size(s.endDate)))
      AND (s.delistedOn IS NULL OR s.delistedOn > $at)
  })
