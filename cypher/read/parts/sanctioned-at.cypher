// Included where an entity `e` is tested: whether it was sanctioned on the day $at. Listed on a list in a
// snapshot period covering $at (read/parts/listed-at), or under a dated sanction in force on $at
// (read/parts/sanction-in-force). An undated sanction does not answer for a past day: the list periods do.
((
// include: read/parts/listed-at
  ) OR EXISTS {
    MATCH (e)-[:HAS_SANCTION]->(x:Sanction)
    WHERE coalesce(x.startDate, x.listingDate) IS NOT NULL
      AND
// include: read/parts/sanction-in-force
  })
