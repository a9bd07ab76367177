// Records what a watch saw at its evaluation, and the alerts this raised.
MATCH (w:Watch {id: $id})
SET w.seen = $seen, w.evaluatedAt = $at
WITH w
UNWIND $alerts AS row
CREATE (a:Alert)
SET a = row, a.read = false
