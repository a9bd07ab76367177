// Stops a watch (kept, with its alerts, but no longer evaluated). Only its owner's.
MATCH (w:Watch {id: $id, owner: $owner})
SET w.active = false, w.stoppedAt = $at
RETURN w.id AS id
