// Creates an investigation, or updates one of the owner's. An id that is another user's is left as it is, and
// `own` is false (the API answers FORBIDDEN).
MERGE (i:Investigation {id: $id})
ON CREATE SET i.owner = $owner, i.createdAt = $at, i.shareToken = $shareToken
WITH i, i.owner = $owner AS own
FOREACH (_ IN CASE WHEN own THEN [1] ELSE [] END | SET i += $fields, i.updatedAt = $at)
RETURN own, CASE WHEN own THEN i {.*} END AS investigation
