// Every list record the matching evaluation draws from (bench/matching/eval-set.ts): names, dates of birth,
// identifier values ($props) and SAME_AS neighbours. Read-only; run by `npm run bench -- --matching`.
MATCH (e:Entity)
WHERE e.id STARTS WITH 'ofac-' OR e.id STARTS WITH 'unsc-' OR e.id STARTS WITH 'NK-'
RETURN e.id AS id, e.schema AS schema, e.name AS name, coalesce(e.aliases, []) AS aliases,
  coalesce(e.birthDate, []) AS birthDates,
  [p IN $props WHERE e[p] IS NOT NULL | e[p]] AS identifiers,
  [(e)-[:SAME_AS]-(o:Entity) | o.id] AS sameAs
ORDER BY id
