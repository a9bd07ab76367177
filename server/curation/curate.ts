/**
 * The curation writes an editor makes: create an entity, add a relationship, amend an entity's properties, end a
 * relationship, retract an analyst relationship. Each runs as one transaction that first claims the write's
 * client-supplied id (so a retry replays the first result instead of writing twice), then checks and writes, then
 * records an audit event (actor, time, operation, before/after, sources). Nothing is ever hard-deleted.
 */
import { randomUUID } from "node:crypto";
import type { Principal } from "../auth/roles.ts";
import type { Graph } from "../db/graph.ts";
import {
  claimClientId,
  endRelationship as endQuery,
  inTransaction,
  lockEntity as lockEntityQuery,
  lockRelationship as lockRelationshipQuery,
  recordEvent,
  retractRelationship as retractQuery,
  writeEntity,
  writeRelationship,
} from "../db/queries/curation.ts";
import type { Runner } from "../db/queries/query.ts";
import type { EntityNode, RelationshipValue } from "../db/queries/rows.ts";
import { entityRow, relationshipRow } from "../db/writer.ts";
import { badInput, userError } from "../graphql/errors.ts";
import { writeMatchKeys } from "../matching/keys.ts";
import { isSchema, RELATIONSHIP_TYPE_NAMES, relationshipType, SCHEMATA } from "../model/vocabulary.ts";
import {
  ANALYST_DATASET,
  clientId as checkClientId,
  sources as checkSources,
  createdId,
  inputDigest,
  optionalText,
  type PropertyInput,
  partialDate,
  properties,
  requiredText,
  type SourceInput,
} from "./input.ts";

export type Operation = "CREATE_ENTITY" | "ADD_RELATIONSHIP" | "AMEND_ENTITY" | "END_RELATIONSHIP" | "RETRACT_RELATIONSHIP";

/** An audit event as stored: before/after are JSON text of the entity or relationship. */
export interface AuditEventValue {
  id: string;
  clientId: string;
  actor: string;
  role: string;
  at: string;
  operation: Operation;
  targetId: string;
  targetKind: "ENTITY" | "RELATIONSHIP";
  entityIds: string[];
  before: string | null;
  after: string | null;
  sourceIds: string[];
  reason?: string;
  inputDigest: string;
}

export interface WriteResult {
  event: AuditEventValue;
  /** True when the client id had already been used for this same write: nothing was written again. */
  replayed: boolean;
}

interface Outcome {
  targetId: string;
  targetKind: AuditEventValue["targetKind"];
  entityIds: string[];
  before: unknown;
  after: unknown;
  reason?: string;
}

// Generous: a write may wait for the locks of concurrent editors on the same entities.
const WRITE_TIMEOUT_MS = 30_000;

/** Runs one write: claim the client id, check and write (`perform`), record the audit event; all in one transaction. */
async function write(
  graph: Graph,
  actor: Principal,
  operation: Operation,
  input: { clientId: string; sources?: SourceInput[] | null },
  perform: (tx: Runner, sourceIds: string[], at: string) => Promise<Outcome>,
): Promise<WriteResult> {
  const clientId = checkClientId(input.clientId);
  const digest = inputDigest(operation, input);
  const sources = checkSources(input.sources);
  return graph.writeTransaction(
    async (run) => {
      const tx = inTransaction(run);
      const [claim] = await claimClientId(tx, { clientId, sources });
      if (!claim.fresh) {
        const event = claim.event;
        if (event.inputDigest !== digest || event.actor !== actor.sub)
          throw userError("CONFLICT", `clientId "${clientId}" was already used for a different write; make a new id per write.`, {
            argument: "input.clientId",
          });
        return { event, replayed: true };
      }
      const at = new Date().toISOString();
      const sourceIds = sources.map((s) => s.id);
      const outcome = await perform(tx, sourceIds, at);
      const event = {
        id: randomUUID(),
        actor: actor.sub,
        role: actor.role,
        at,
        operation,
        targetId: outcome.targetId,
        targetKind: outcome.targetKind,
        entityIds: outcome.entityIds,
        before: outcome.before == null ? null : JSON.stringify(outcome.before),
        after: outcome.after == null ? null : JSON.stringify(outcome.after),
        sourceIds,
        reason: outcome.reason ?? null,
        inputDigest: digest,
      };
      const [recorded] = await recordEvent(tx, { clientId, event });
      return { event: recorded.event, replayed: false };
    },
    { timeoutMs: WRITE_TIMEOUT_MS },
  );
}

async function lockEntity(tx: Runner, argument: string, id: string): Promise<EntityNode> {
  const [found] = await lockEntityQuery(tx, { id });
  if (!found) throw userError("NOT_FOUND", `No entity with id "${id}" (${argument}).`, { argument, id });
  return found.entity;
}

async function lockRelationship(tx: Runner, id: string, entity: string): Promise<RelationshipValue> {
  const [found] = await lockRelationshipQuery(tx, { id, entity, types: RELATIONSHIP_TYPE_NAMES });
  if (!found)
    throw userError("NOT_FOUND", `No relationship with id "${id}" at entity "${entity}" (input.id, input.entity).`, {
      argument: "input.id",
      id,
    });
  return found.relationship;
}

/**
 * Writes one entity and then its match keys from its names as they now stand in the graph: search and match find
 * entities through those keys only, so an analyst's entity without them could not be found.
 */
async function upsertEntity(tx: Runner, row: ReturnType<typeof entityRow>): Promise<EntityNode> {
  const [{ entity }] = await writeEntity(tx, { rows: [row] });
  await writeMatchKeys(tx, [row.id]);
  return entity;
}

export interface CreateEntityInput {
  clientId: string;
  schema: string;
  properties: PropertyInput[];
  sources: SourceInput[];
}

export function createEntity(graph: Graph, actor: Principal, input: CreateEntityInput): Promise<WriteResult> {
  if (!isSchema(input.schema)) throw badInput("input.schema", `unknown schema "${input.schema}"; allowed: ${SCHEMATA.join(", ")}.`);
  const props = properties("input.properties", input.properties, input.schema, "entity");
  if (!props.name?.length) throw badInput("input.properties", "needs a `name` property.");
  return write(graph, actor, "CREATE_ENTITY", input, async (tx, sourceIds) => {
    const id = createdId(input.clientId);
    const row = entityRow({ id, schema: input.schema, properties: props, sourceIds, datasets: [ANALYST_DATASET] });
    const after = await upsertEntity(tx, row);
    return { targetId: id, targetKind: "ENTITY", entityIds: [id], before: null, after };
  });
}

export interface AddRelationshipInput {
  clientId: string;
  type: string;
  source: string;
  target: string;
  role?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  properties?: PropertyInput[] | null;
  sources: SourceInput[];
}

export function addRelationship(graph: Graph, actor: Principal, input: AddRelationshipInput): Promise<WriteResult> {
  if (!relationshipType(input.type))
    throw badInput("input.type", `unknown relationship type "${input.type}"; allowed: ${RELATIONSHIP_TYPE_NAMES.join(", ")}.`);
  if (input.source === input.target) throw badInput("input.target", "must differ from `source`.");
  const record = {
    type: input.type,
    source: input.source,
    target: input.target,
    role: optionalText("input.role", input.role),
    startDate: partialDate("input.startDate", input.startDate),
    endDate: partialDate("input.endDate", input.endDate),
    properties: properties("input.properties", input.properties, relationshipType(input.type)?.ftm.schema as string, "edge"),
  };
  return write(graph, actor, "ADD_RELATIONSHIP", input, async (tx, sourceIds) => {
    // Locks in id order, so two editors linking the same pair in opposite directions cannot deadlock.
    const ends: [string, string][] = [
      ["input.source", input.source],
      ["input.target", input.target],
    ];
    for (const [argument, id] of ends.sort((a, b) => a[1].localeCompare(b[1]))) await lockEntity(tx, argument, id);
    const id = createdId(input.clientId);
    await writeRelationship(tx, { rows: [relationshipRow({ id, ...record, sourceIds, datasets: [ANALYST_DATASET] })] });
    const after = await lockRelationship(tx, id, input.source);
    return { targetId: id, targetKind: "RELATIONSHIP", entityIds: [input.source, input.target], before: null, after };
  });
}

export interface AmendEntityInput {
  clientId: string;
  id: string;
  properties: PropertyInput[];
  sources: SourceInput[];
}

/** Adds property values to an entity (list or analyst); values are never removed, so a list's facts stay as listed. */
export function amendEntity(graph: Graph, actor: Principal, input: AmendEntityInput): Promise<WriteResult> {
  if (!input.properties?.length) throw badInput("input.properties", "name at least one property value to add.");
  return write(graph, actor, "AMEND_ENTITY", input, async (tx, sourceIds) => {
    const before = await lockEntity(tx, "input.id", input.id);
    // Checked against the entity's own schema, known once it is read (a bad property rolls the write back).
    const added = properties("input.properties", input.properties, before.schema, "entity");
    const names = [before.name, ...(added.name ?? [])];
    const row = entityRow({
      id: before.id,
      schema: before.schema,
      properties: { ...added, name: names },
      sourceIds,
      datasets: [ANALYST_DATASET],
    });
    const after = await upsertEntity(tx, row);
    return { targetId: input.id, targetKind: "ENTITY", entityIds: [input.id], before, after };
  });
}

export interface EndRelationshipInput {
  clientId: string;
  id: string;
  entity: string;
  endDate: string;
  sources: SourceInput[];
}

/**
 * A change to one relationship (end, retract): locks it, lets `check` refuse it, applies `change` and returns the
 * relationship before and after for the audit event.
 */
function changeRelationship(
  graph: Graph,
  actor: Principal,
  operation: "END_RELATIONSHIP" | "RETRACT_RELATIONSHIP",
  input: { clientId: string; id: string; entity: string; sources: SourceInput[] },
  check: (before: RelationshipValue) => void,
  change: (
    tx: Runner,
    which: { id: string; entity: string; types: readonly string[]; sourceIds: string[] },
    at: string,
  ) => Promise<{ relationship: RelationshipValue }[]>,
  reason?: string,
): Promise<WriteResult> {
  return write(graph, actor, operation, input, async (tx, sourceIds, at) => {
    const before = await lockRelationship(tx, input.id, input.entity);
    check(before);
    const [{ relationship: after }] = await change(
      tx,
      { id: input.id, entity: input.entity, types: RELATIONSHIP_TYPE_NAMES, sourceIds },
      at,
    );
    return { targetId: input.id, targetKind: "RELATIONSHIP", entityIds: [before.source, before.target], before, after, reason };
  });
}

export function endRelationship(graph: Graph, actor: Principal, input: EndRelationshipInput): Promise<WriteResult> {
  const endDate = partialDate("input.endDate", input.endDate);
  if (!endDate) throw badInput("input.endDate", "is required.");
  return changeRelationship(
    graph,
    actor,
    "END_RELATIONSHIP",
    input,
    (before) => {
      if (before.startDate && endDate < before.startDate) throw badInput("input.endDate", `is before the start date ${before.startDate}.`);
    },
    (tx, which) => endQuery(tx, { ...which, endDate }),
  );
}

export interface RetractRelationshipInput {
  clientId: string;
  id: string;
  entity: string;
  reason: string;
  sources: SourceInput[];
}

/** Retracts an analyst relationship (list facts change only when the list does): kept as RETRACTED, out of every read. */
export function retractRelationship(graph: Graph, actor: Principal, input: RetractRelationshipInput): Promise<WriteResult> {
  const reason = requiredText("input.reason", input.reason);
  return changeRelationship(
    graph,
    actor,
    "RETRACT_RELATIONSHIP",
    input,
    (before) => {
      if (!(before.datasets as string[] | undefined)?.includes(ANALYST_DATASET))
        throw badInput(
          "input.id",
          `relationship "${input.id}" comes from a list, not from an analyst; list facts change when the list does.`,
        );
    },
    (tx, which, at) => retractQuery(tx, { ...which, at, actor: actor.sub, reason }),
    reason,
  );
}
