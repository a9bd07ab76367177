// Constraints for the nodes the importers add besides cypher/schema.cypher's (applied idempotently by every import).
// Mention: a party a list names that matches no record or several (never an Entity). Identification: FtM
// Identification/Passport entities, kept as nodes of their own next to their holder.
CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (m:Mention) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT identification_id IF NOT EXISTS FOR (i:Identification) REQUIRE i.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
