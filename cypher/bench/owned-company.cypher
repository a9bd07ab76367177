// A company with owners two levels up (an ownership chain), for the ownership benchmark (bench/scale/scenarios.ts).
// Read-only, once per run; the first one found (no sort, so it stays cheap at 1M; for one generated file and
// import the store order, and so the company, is the same run after run).
MATCH (c:Entity {schema: 'Company'})<-[:OWNS]-(:Entity)<-[:OWNS]-(:Entity)
RETURN c.id AS id
LIMIT 1
