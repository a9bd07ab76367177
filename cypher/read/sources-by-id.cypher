// Sources by id (DataLoader batch).
MATCH (s:Source)
WHERE s.id IN $ids
RETURN s {.*} AS source
