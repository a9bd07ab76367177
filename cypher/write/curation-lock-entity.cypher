// An entity, write-locked until the transaction ends, so that a read-modify-write of its lists by concurrent
// editors cannot lose an update (the read below sees the latest committed state once the lock is held).
MATCH (e:Entity {id: $id})
SET e.locked = true
REMOVE e.locked
RETURN e {.*} AS entity
