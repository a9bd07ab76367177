import { randomBytes, randomUUID } from "node:crypto";
import type { Context } from "../context.ts";
import { badInput } from "../errors.ts";
import { intInRange, LIMITS } from "../limits.ts";
import { requireRole } from "../plugins/auth.ts";

interface InvestigationValue {
  id: string;
  owner: string;
  entityIds: string[];
  shareToken: string;
  [field: string]: unknown;
}

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

function fields(input: InvestigationInput) {
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
const forViewer = (investigation: InvestigationValue | undefined, sub: string | undefined) =>
  investigation && (investigation.owner === sub ? investigation : { ...investigation, shareToken: null });

export const investigationResolvers = {
  Query: {
    investigations: async (_: unknown, { first }: { first: number }, ctx: Context) => {
      const user = requireRole(ctx, "viewer");
      const limit = intInRange("first", first, 1, 200);
      return (await ctx.graph.read("read/investigations-by-owner", { owner: user.sub, limit })).records.map((r) => r.get("investigation"));
    },
    investigation: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      const user = requireRole(ctx, "viewer");
      const found: InvestigationValue | undefined = (await ctx.graph.read("read/investigation", { id })).records[0]?.get("investigation");
      if (!found || (found.owner !== user.sub && user.role !== "admin")) return null;
      return forViewer(found, user.sub);
    },
    sharedInvestigation: async (_: unknown, { token }: { token: string }, ctx: Context) => {
      const found = (await ctx.graph.read("read/investigation-shared", { token })).records[0]?.get("investigation");
      return forViewer(found ?? null, ctx.auth.user?.sub) ?? null;
    },
  },
  Mutation: {
    saveInvestigation: async (_: unknown, { input }: { input: InvestigationInput }, ctx: Context) => {
      const user = requireRole(ctx, "viewer");
      const result = await ctx.graph.write("write/investigation-save", {
        id: input.id ?? randomUUID(),
        owner: user.sub,
        at: new Date().toISOString(),
        shareToken: randomBytes(18).toString("base64url"),
        fields: fields(input),
      });
      const saved = result.records[0]?.get("investigation");
      if (!saved) throw badInput("input.id", `you have no investigation "${input.id}".`);
      return saved;
    },
  },
  Investigation: {
    entities: async (i: InvestigationValue, _: unknown, ctx: Context) =>
      (await ctx.loaders.entity.loadMany(i.entityIds)).filter((e) => e && !(e instanceof Error)),
  },
};
