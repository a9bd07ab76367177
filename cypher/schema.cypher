// Constraints and indexes, applied idempotently at start (server/db/schema.ts) and by the importers.
// Community Edition has uniqueness constraints only (no existence or type constraints).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT sanction_id IF NOT EXISTS FOR (s:Sanction) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE INDEX entity_schema IF NOT EXISTS FOR (e:Entity) ON (e.schema);
CREATE INDEX entity_sanctioned IF NOT EXISTS FOR (e:Entity) ON (e.sanctioned);
// Fuzzy search over names and aliases (lists of strings are indexed value by value).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases];
// Importers: a party a list names that matches no record or several is a Mention (never an Entity); FtM
// Identification/Passport entities are nodes of their own next to their holder. Exact-name lookups resolve `Linked To`.
CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (m:Mention) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT identification_id IF NOT EXISTS FOR (i:Identification) REQUIRE i.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
