// Creates an investigation, or updates one of the owner's (matched by id and owner, so nobody else's changes).
MERGE (i:Investigation {id: $id})
ON CREATE SET i.owner = $owner, i.createdAt = $at, i.shareToken = $shareToken
WITH i
WHERE i.owner = $owner
SET i += $fields, i.updatedAt = $at
RETURN i {.*} AS investigation
