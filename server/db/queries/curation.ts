// The curation writes' queries (server/curation/curate.ts). They run inside one transaction per write (see
// `inTransaction`), which has its own timeout; the per-query timeouts below apply when run on their own.
import type { RecordShape } from "neo4j-driver";
import type { AuditEventValue } from "../../curation/curate.ts";
import type { SourceRecord } from "../../model/records.ts";
import type { TxRun } from "../graph.ts";
import type { Runner } from "./query.ts";
import { writeQuery } from "./query.ts";
import type { EntityNode, RelationshipValue } from "./rows.ts";

const MS = 30_000;

/**
 * The queries of one transaction (Graph.writeTransaction's `run`) as a Runner. Their text takes no bounds here (a
 * transaction's are fixed when it starts), so a query that has some is refused rather than run unbounded.
 */
export function inTransaction(run: TxRun): Runner {
  const each = ((name: string, params?: Record<string, unknown>, options?: { bounds?: Record<string, number> }) => {
    if (options?.bounds) throw new Error(`${name}: a query with bounds cannot run in a curation transaction.`);
    return run(name, params);
  }) as Runner["write"];
  return { read: each, write: each };
}

/**
 * cypher/write/curation-claim.cypher: claims a write's client id (`fresh`: first time) and adds its sources, or
 * returns the event that id already recorded.
 */
export const claimClientId = writeQuery<{ clientId: string; sources: SourceRecord[] }, { fresh: boolean; event: AuditEventValue }>(
  "write/curation-claim",
  MS,
);

/** cypher/write/curation-record.cypher: the audit event of a claimed write. */
export const recordEvent = writeQuery<{ clientId: string; event: Record<string, unknown> }, { event: AuditEventValue }>(
  "write/curation-record",
  MS,
);

/** cypher/write/curation-lock-entity.cypher: an entity, write-locked until the transaction ends (no row: none). */
export const lockEntity = writeQuery<{ id: string }, { entity: EntityNode }>("write/curation-lock-entity", MS);

/** cypher/write/curation-lock-relationship.cypher: a relationship at `entity`, write-locked (no row: none). */
export const lockRelationship = writeQuery<{ id: string; entity: string; types: readonly string[] }, { relationship: RelationshipValue }>(
  "write/curation-lock-relationship",
  MS,
);

/** cypher/write/curation-entity.cypher: creates or adds to entities (rows from writer.ts entityRow). */
export const writeEntity = writeQuery<{ rows: RecordShape[] }, { entity: EntityNode }>("write/curation-entity", MS);

/** cypher/write/relationships.cypher (rows from writer.ts relationshipRow), as the importers write them. */
export const writeRelationship = writeQuery<{ rows: RecordShape[] }>("write/relationships", MS);

/** A change to one relationship: which one (found from one of its ends), and the sources that state the change. */
type RelationshipChange = { id: string; entity: string; types: readonly string[]; sourceIds: string[] };

/** cypher/write/curation-end-relationship.cypher: sets its end date. */
export const endRelationship = writeQuery<RelationshipChange & { endDate: string }, { relationship: RelationshipValue }>(
  "write/curation-end-relationship",
  MS,
);

/** cypher/write/curation-retract-relationship.cypher: turns it into a RETRACTED relationship, kept with who, when and why. */
export const retractRelationship = writeQuery<
  RelationshipChange & { at: string; actor: string; reason: string },
  { relationship: RelationshipValue }
>("write/curation-retract-relationship", MS);
