// Sanctions a watch saw active: whether each still exists, and its end date (a delisting ends or removes it).
UNWIND $ids AS id
OPTIONAL MATCH (s:Sanction {id: id})
RETURN id, s IS NOT NULL AS exists, s.endDate AS endDate
