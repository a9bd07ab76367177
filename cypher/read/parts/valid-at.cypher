// Included where a relationship `r` is tested: whether it was valid on the day $at (always, when $at is null).
// $at is a full day (server/graphql/as-of.ts turns partial arguments into days). Stored start and end dates may be
// partial ("2022-03"): each is compared with $at cut to its length, so an end of "2022" still covers 2022-06-01. Links from a list record carry the snapshot periods that stated them
// (`from|to`, `to` empty while open; server/history/).
// One CASE rather than `$at IS NULL OR (...)`: the planner splits an OR over a conjunction into one predicate per
// conjunct, each testing $at again on every relationship a path search expands (tens of thousands through a
// super-node); the CASE is one test per relationship and costs about what no test costs (docs/scale.md).
(CASE WHEN $at IS NULL THEN true ELSE
  (r.startDate IS NULL OR r.startDate <= left($at, size(r.startDate)))
  AND (r.endDate IS NULL OR r.endDate >= left($at, size(r.endDate)))
  AND (r.listings IS NULL OR any(p IN r.listings WHERE split(p, '|')[0] <= $at AND (split(p, '|')[1] = '' OR split(p, '|')[1] > $at)))
END)
