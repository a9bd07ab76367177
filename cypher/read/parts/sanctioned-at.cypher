// Included where an entity `e` is tested: whether it was sanctioned on the day $at. Listed on a list in a
// snapshot period covering $at (`dataset|from|to`, server/history/), or under a dated sanction in force on $at
// (read/parts/sanction-in-force). An undated sanction does not answer for a past day: the list periods do.
(any(l IN coalesce(e.listings, []) WHERE split(l, '|')[1] <= $at AND (split(l, '|')[2] = '' OR split(l, '|')[2] > $at))
  OR EXISTS {
    MATCH (e)-[:HAS_SANCTION]->(x:Sanction)
    WHERE coalesce(x.startDate, x.listingDate) IS NOT NULL
      AND
// include: read/parts/sanction-in-force
  })
