/** List history in the API: listChanges, listHistory, and Entity.sanctionedAt / listings / changes (schema/history.graphql). */

import type { ChangeRow } from "../../db/queries/history.ts";
import { entityChanges, listChanges, listHistory } from "../../db/queries/history.ts";
import type { EntityNode } from "../../db/queries/rows.ts";
import { dayArgument } from "../as-of.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { badInput } from "../errors.ts";
import type { ChangeResolvers, EntityResolvers, QueryResolvers, RelationshipResolvers } from "../generated.ts";
import { intInRange, LIMITS } from "../limits.ts";

export interface ListingValue {
  dataset: string;
  from: string;
  to: string | null;
}

/** The stored `dataset|from|to` periods of an entity, oldest first. */
export function listings(e: EntityNode): ListingValue[] {
  const stored = Array.isArray(e.listings) ? (e.listings as string[]) : [];
  return stored
    .map((text) => {
      const [dataset, from, to] = text.split("|");
      return { dataset, from, to: to || null };
    })
    .sort((a, b) => a.from.localeCompare(b.from) || a.dataset.localeCompare(b.dataset));
}

function changePage(total: number, rows: ChangeRow[], offset: number) {
  return {
    totalCount: total,
    edges: rows.map((c, i) => ({ cursor: encodeCursor(offset + i + 1), node: c })),
    pageInfo: { hasNextPage: offset + rows.length < total, endCursor: rows.length ? encodeCursor(offset + rows.length) : null },
  };
}

export const HistoryQuery: QueryResolvers = {
  listChanges: async (_, args, ctx) => {
    const from = dayArgument("from", args.from);
    const to = dayArgument("to", args.to, true);
    if (to < from) throw badInput("to", `must not be before \`from\` (${args.from}).`);
    const limit = intInRange("first", args.first ?? 50, 1, LIMITS.maxRelationshipsPage);
    const offset = decodeCursor("after", args.after);
    const kinds = args.kinds?.length ? [...new Set(args.kinds)] : null;
    const [row] = await listChanges(ctx.graph, { dataset: args.dataset, from, to, kinds, offset, limit }, ctx.request.signal);
    return changePage(row.total, row.page, offset);
  },

  listHistory: async (_, args, ctx) =>
    (await listHistory(ctx.graph, { dataset: args.dataset ?? null }, ctx.request.signal)).map((r) => r.snapshot),
};

export const HistoryEntity: EntityResolvers = {
  listings: (e) => listings(e),
  sanctionedAt: (e, args, ctx) => ctx.loaders.sanctionedAt.load(`${dayArgument("date", args.date)}|${e.id}`),
  changes: async (e, args, ctx) => {
    const limit = intInRange("first", args.first ?? 20, 1, LIMITS.maxRelationshipsPage);
    const offset = decodeCursor("after", args.after);
    const [row] = await entityChanges(ctx.graph, { id: e.id, offset, limit }, ctx.request.signal);
    return changePage(row.total, row.page, offset);
  },
};

export const HistoryRelationship: RelationshipResolvers = {
  listings: (r) =>
    (Array.isArray(r.listings) ? (r.listings as string[]) : []).map((text) => {
      const [from, to] = text.split("|");
      return { from, to: to || null };
    }),
};

export const Change: ChangeResolvers = {
  entity: (c, _, ctx) => ctx.loaders.entity.load(c.entityId),
  fields: (c) => JSON.parse(c.fields),
};
