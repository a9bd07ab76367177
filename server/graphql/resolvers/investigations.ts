import { randomBytes, randomUUID } from "node:crypto";
import {
  type InvestigationFields,
  type InvestigationValue,
  investigationById,
  investigationByShareToken,
  investigationsByOwner,
  saveInvestigation,
} from "../../db/queries/investigations.ts";
import type { Context } from "../context.ts";
import { badInput, userError } from "../errors.ts";
import { intInRange, LIMITS } from "../limits.ts";
import { requireRole } from "../plugins/auth.ts";

interface InvestigationInput {
  id?: string | null;
  name: string;
  entityIds: string[];
  notes?: string | null;
  layout?: string | null;
  filters?: string | null;
}

function json(argument: string, value: string | null | undefined, maxBytes: number): string | null {
  if (value == null || value === "") return null;
  if (Buffer.byteLength(value) > maxBytes) throw badInput(argument, `is larger than ${maxBytes / 1000} kB.`);
  try {
    JSON.parse(value);
  } catch {
    throw badInput(argument, "is not valid JSON.");
  }
  return value;
}

function fields(input: InvestigationInput): InvestigationFields {
  const name = input.name.trim();
  if (!name || name.length > 200) throw badInput("input.name", "must be 1 to 200 characters.");
  const entityIds = [...new Set(input.entityIds)];
  if (entityIds.length > LIMITS.maxSubgraphIds) throw badInput("input.entityIds", `at most ${LIMITS.maxSubgraphIds} entities.`);
  if ((input.notes?.length ?? 0) > 50_000) throw badInput("input.notes", "at most 50,000 characters.");
  return {
    name,
    entityIds,
    notes: input.notes ?? null,
    layout: json("input.layout", input.layout, 200_000),
    filters: json("input.filters", input.filters, 20_000),
  };
}

/** Only the owner sees the share token; anyone with the link sees the rest. */
const forViewer = (investigation: InvestigationValue, sub: string | undefined): InvestigationValue =>
  investigation.owner === sub ? investigation : { ...investigation, shareToken: null };

const notYours = (id: string) =>
  userError("FORBIDDEN", `Investigation "${id}" belongs to another user; open it through its share link.`, { argument: "id" });

export const investigationResolvers = {
  Query: {
    investigations: async (_: unknown, { first }: { first: number }, ctx: Context) => {
      const user = requireRole(ctx, "viewer");
      const limit = intInRange("first", first, 1, 200);
      return (await investigationsByOwner(ctx.graph, { owner: user.sub, limit }, ctx.request.signal)).map((r) => r.investigation);
    },
    investigation: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      const user = requireRole(ctx, "viewer");
      const [found] = await investigationById(ctx.graph, { id }, ctx.request.signal);
      if (!found) return null;
      if (found.investigation.owner !== user.sub && user.role !== "admin") throw notYours(id);
      return forViewer(found.investigation, user.sub);
    },
    sharedInvestigation: async (_: unknown, { token }: { token: string }, ctx: Context) => {
      const [found] = await investigationByShareToken(ctx.graph, { token }, ctx.request.signal);
      return found ? forViewer(found.investigation, ctx.auth.user?.sub) : null;
    },
  },
  Mutation: {
    saveInvestigation: async (_: unknown, { input }: { input: InvestigationInput }, ctx: Context) => {
      const user = requireRole(ctx, "viewer");
      const id = input.id ?? randomUUID();
      const [saved] = await saveInvestigation(ctx.graph, {
        id,
        owner: user.sub,
        at: new Date().toISOString(),
        shareToken: randomBytes(18).toString("base64url"),
        fields: fields(input),
      });
      if (!saved.own || !saved.investigation) throw notYours(id);
      return saved.investigation;
    },
  },
  Investigation: {
    entities: async (i: InvestigationValue, _: unknown, ctx: Context) =>
      (await ctx.loaders.entity.loadMany(i.entityIds)).filter((e) => e && !(e instanceof Error)),
  },
};
