// Whether the database holds anything (the offline import refuses to overwrite it without --replace).
RETURN EXISTS { MATCH (n) } AS nonEmpty
