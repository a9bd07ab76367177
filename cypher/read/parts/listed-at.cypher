// Included where an entity `e` is tested: whether one of its list-history periods (`dataset|from|to`, `to` empty
// while listed; server/history/) covers the day $at.
any(l IN coalesce(e.listings, []) WHERE split(l, '|')[1] <= $at AND (split(l, '|')[2] = '' OR split(l, '|')[2] > $at))
