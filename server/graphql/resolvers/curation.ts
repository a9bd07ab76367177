import {
  type AddRelationshipInput,
  type AmendEntityInput,
  type AuditEventValue,
  addRelationship,
  amendEntity,
  type CreateEntityInput,
  createEntity,
  type EndRelationshipInput,
  endRelationship,
  type RetractRelationshipInput,
  retractRelationship,
  type WriteResult,
} from "../../curation/curate.ts";
import { ANALYST_DATASET } from "../../curation/input.ts";
import type { EntityNode, RelationshipValue } from "../../db/queries/rows.ts";
import type { Context } from "../context.ts";
import { requireRole } from "../plugins/auth.ts";

type Write<I> = (graph: Context["graph"], actor: ReturnType<typeof requireRole>, input: I) => Promise<WriteResult>;

/** A mutation resolver: editor role, the write, then (for a new write) an evaluation of the watches, not awaited. */
function mutation<I>(run: Write<I>) {
  return async (_: unknown, { input }: { input: I }, ctx: Context) => {
    const result = await run(ctx.graph, requireRole(ctx, "editor"), input);
    if (!result.replayed) void ctx.watches.requestEvaluation();
    return result;
  };
}

const parse = <T>(json: string | null): T | null => (json ? (JSON.parse(json) as T) : null);

const Mutation = {
  createEntity: mutation<CreateEntityInput>(createEntity),
  addRelationship: mutation<AddRelationshipInput>(addRelationship),
  amendEntity: mutation<AmendEntityInput>(amendEntity),
  endRelationship: mutation<EndRelationshipInput>(endRelationship),
  retractRelationship: mutation<RetractRelationshipInput>(retractRelationship),
};

const CurationResult = {
  entity: ({ event }: WriteResult, _: unknown, ctx: Context) =>
    event.targetKind === "ENTITY" ? ctx.loaders.entity.load(event.targetId) : null,
  relationship: ({ event }: WriteResult) => {
    if (event.targetKind !== "RELATIONSHIP") return null;
    return event.operation === "RETRACT_RELATIONSHIP" ? parse<RelationshipValue>(event.before) : parse<RelationshipValue>(event.after);
  },
};

const AuditEvent = {
  sources: (event: AuditEventValue, _: unknown, ctx: Context) => ctx.loaders.sources(event.sourceIds),
};

const datasets = (value: Record<string, unknown>) => (Array.isArray(value.datasets) ? value.datasets.map(String) : []);

const CuratedEntity = {
  analyst: (e: EntityNode) => {
    const d = datasets(e);
    return d.length === 1 && d[0] === ANALYST_DATASET;
  },
};

const CuratedRelationship = {
  datasets: (r: RelationshipValue) => datasets(r),
  analyst: (r: RelationshipValue) => datasets(r).includes(ANALYST_DATASET),
};

export const curationResolvers = { Mutation, CurationResult, AuditEvent, Entity: CuratedEntity, Relationship: CuratedRelationship };
