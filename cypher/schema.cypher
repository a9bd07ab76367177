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
// Curation (server/curation): one audit event per write, keyed by the client-supplied id that makes writes idempotent.
CREATE CONSTRAINT audit_client_id IF NOT EXISTS FOR (a:AuditEvent) REQUIRE a.clientId IS UNIQUE;
CREATE INDEX audit_actor IF NOT EXISTS FOR (a:AuditEvent) ON (a.actor);
CREATE INDEX audit_at IF NOT EXISTS FOR (a:AuditEvent) ON (a.at);
// Watches and their alerts (server/watches); saved investigations (server/investigations).
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (w:Watch) REQUIRE w.id IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (a:Alert) REQUIRE a.id IS UNIQUE;
CREATE INDEX alert_owner_at IF NOT EXISTS FOR (a:Alert) ON (a.owner, a.at);
CREATE INDEX watch_owner IF NOT EXISTS FOR (w:Watch) ON (w.owner);
CREATE INDEX alert_watch IF NOT EXISTS FOR (a:Alert) ON (a.watchId);
CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (i:Investigation) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT investigation_share IF NOT EXISTS FOR (i:Investigation) REQUIRE i.shareToken IS UNIQUE;
CREATE INDEX investigation_owner IF NOT EXISTS FOR (i:Investigation) ON (i.owner);
// FtM entities of schemata kept whole (server/import/ftm.ts); former ids and FtM referents that still find their entity.
CREATE CONSTRAINT ftm_record_id IF NOT EXISTS FOR (o:FtmRecord) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT referent_id IF NOT EXISTS FOR (r:Referent) REQUIRE r.id IS UNIQUE;
// Name matching (server/matching/keys.ts): canonical tokens, phonetic keys and consonant skeletons of every name.
CREATE FULLTEXT INDEX entity_match_keys IF NOT EXISTS FOR (e:Entity) ON EACH [e.matchTokens, e.matchPhonetic, e.matchSkeletons]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
// List history (server/history/): applied snapshots, per-record versions (content hash + fields) and dated change events.
CREATE CONSTRAINT snapshot_id IF NOT EXISTS FOR (s:Snapshot) REQUIRE s.id IS UNIQUE;
CREATE INDEX record_version IF NOT EXISTS FOR (v:RecordVersion) ON (v.dataset, v.recordId);
CREATE INDEX change_record IF NOT EXISTS FOR (c:Change) ON (c.dataset, c.recordId);
CREATE INDEX change_date IF NOT EXISTS FOR (c:Change) ON (c.dataset, c.date);
CREATE INDEX change_entity IF NOT EXISTS FOR (c:Change) ON (c.entityId);
