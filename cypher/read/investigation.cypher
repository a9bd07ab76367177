// One investigation by id.
MATCH (i:Investigation {id: $id})
RETURN i {.*} AS investigation
