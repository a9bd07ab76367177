// Included where a sanction `x` is tested: whether it was in force on the day $at (a full day: partial date
// arguments are turned into days by server/graphql/as-of.ts). Its start (else listing) date on or before $at, its
// end date not before it, and not delisted by then (`delistedOn`, server/history/). Stored dates may be partial:
// each is compared with $at cut to its own length, so an end of "2023" covers 2023-06-30. A sanction with neither
// a start nor a listing date counts on any day (nothing in the record says when it began).
((coalesce(x.startDate, x.listingDate) IS NULL
    OR coalesce(x.startDate, x.listingDate) <= left($at, size(coalesce(x.startDate, x.listingDate))))
  AND (x.endDate IS NULL OR x.endDate >= left($at, size(x.endDate)))
  AND (x.delistedOn IS NULL OR x.delistedOn > $at))
