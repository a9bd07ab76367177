// A user's investigations, most recently saved first.
MATCH (i:Investigation {owner: $owner})
RETURN i {.*} AS investigation
ORDER BY i.updatedAt DESC
LIMIT $limit
