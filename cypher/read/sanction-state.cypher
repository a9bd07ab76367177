// Sanctions a watch saw active: whether each still exists, its end date and the day a list-history replay saw it
// delisted (a delisting ends, removes or marks it).
UNWIND $ids AS id
OPTIONAL MATCH (s:Sanction {id: id})
RETURN id, s IS NOT NULL AS exists, s.endDate AS endDate, s.delistedOn AS delistedOn
