// One investigation by its share token (the read-only link).
MATCH (i:Investigation {shareToken: $token})
RETURN i {.*} AS investigation
