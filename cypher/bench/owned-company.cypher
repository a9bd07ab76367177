// A company with owners two levels up (an ownership chain), for the ownership benchmark (bench/scale/scenarios.ts).
// Read-only, once per run; the first by id, so a seed and size always give the same company.
MATCH (c:Entity {schema: 'Company'})<-[:OWNS]-(:Entity)<-[:OWNS]-(:Entity)
RETURN c.id AS id
ORDER BY id
LIMIT 1
