// One page of identity documents (FtM Identification/Passport) held by exported entities, in id order.
MATCH (i:Identification)
WHERE ($ids IS NULL OR any(h IN i.holder WHERE h IN $ids)) AND i.id > $after
RETURN i.id AS key, properties(i) AS props
ORDER BY key
LIMIT $limit
