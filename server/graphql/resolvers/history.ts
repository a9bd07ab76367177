/** List history in the API: listChanges, listHistory, and Entity.sanctionedAt / listings / changes (schema/history.graphql). */
import { asOfDay, covers, periodEndDay } from "../../history/dates.ts";
import type { Context } from "../context.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { badInput } from "../errors.ts";
import { intInRange, LIMITS, TIMEOUTS } from "../limits.ts";
import type { EntityNode, SanctionValue } from "../model.ts";

const CHANGE_KINDS = ["ADDED", "REMOVED", "AMENDED"];

interface ChangeValue {
  dataset: string;
  recordId: string;
  entityId: string;
  date: string;
  kind: string;
  fields: string;
}

export interface ListingValue {
  dataset: string;
  from: string;
  to: string | null;
}

/** A date argument (ISO 8601, possibly partial) -> the day it means: its first day, or its last for inclusive ends. */
export function dayArgument(argument: string, value: string, end = false): string {
  const day = end ? periodEndDay(value) : asOfDay(value);
  if (!day) throw badInput(argument, `"${value}" is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY).`);
  return day;
}

/** The stored `dataset|from|to` periods of an entity. */
export function listings(e: EntityNode): ListingValue[] {
  const stored = Array.isArray(e.listings) ? (e.listings as string[]) : [];
  return stored
    .map((text) => {
      const [dataset, from, to] = text.split("|");
      return { dataset, from, to: to || null };
    })
    .sort((a, b) => a.from.localeCompare(b.from) || a.dataset.localeCompare(b.dataset));
}

/** Sanctioned on a day: a listing period covers it, or a sanction's dates do (and it was not delisted by then). */
export function sanctionedOn(e: EntityNode, sanctions: SanctionValue[], day: string): boolean {
  if (listings(e).some((l) => l.from <= day && (l.to === null || l.to > day))) return true;
  return sanctions.some((s) => {
    const start = (s.startDate ?? s.listingDate) as string | undefined;
    const delisted = s.delistedOn as string | undefined;
    return !!start && covers(day, start, s.endDate) && (!delisted || delisted > day);
  });
}

function changeNode(c: ChangeValue) {
  return { ...c, fields: JSON.parse(c.fields) };
}

function page(total: number, rows: ChangeValue[], offset: number) {
  return {
    totalCount: total,
    edges: rows.map((c, i) => ({ cursor: encodeCursor(offset + i + 1), node: changeNode(c) })),
    pageInfo: { hasNextPage: offset + rows.length < total, endCursor: rows.length ? encodeCursor(offset + rows.length) : null },
  };
}

export const HistoryQuery = {
  listChanges: async (
    _: unknown,
    args: { dataset: string; from: string; to: string; kinds?: string[] | null; first: number; after?: string },
    ctx: Context,
  ) => {
    const from = dayArgument("from", args.from);
    const to = dayArgument("to", args.to, true);
    if (to < from) throw badInput("to", `must not be before \`from\` (${args.from}).`);
    const limit = intInRange("first", args.first, 1, LIMITS.maxRelationshipsPage);
    const offset = decodeCursor("after", args.after);
    const kinds = args.kinds?.length ? [...new Set(args.kinds)].filter((k) => CHANGE_KINDS.includes(k)) : null;
    const result = await ctx.graph.read(
      "history/list-changes",
      { dataset: args.dataset, from, to, kinds, offset, limit },
      { signal: ctx.request.signal, timeoutMs: TIMEOUTS.search },
    );
    const record = result.records[0];
    return page(record.get("total"), record.get("page"), offset);
  },

  listHistory: async (_: unknown, args: { dataset?: string | null }, ctx: Context) => {
    const result = await ctx.graph.read(
      "history/list-history",
      { dataset: args.dataset ?? null },
      { signal: ctx.request.signal, timeoutMs: TIMEOUTS.lookup },
    );
    return result.records.map((r) => r.get("snapshot"));
  },
};

export const HistoryEntity = {
  listings,
  sanctionedAt: async (e: EntityNode, args: { date: string }, ctx: Context) =>
    sanctionedOn(e, await ctx.loaders.sanctions.load(e.id), dayArgument("date", args.date)),
  changes: async (e: EntityNode, args: { first: number; after?: string }, ctx: Context) => {
    const limit = intInRange("first", args.first, 1, LIMITS.maxRelationshipsPage);
    const offset = decodeCursor("after", args.after);
    const result = await ctx.graph.read(
      "history/entity-changes",
      { id: e.id, offset, limit },
      { signal: ctx.request.signal, timeoutMs: TIMEOUTS.lookup },
    );
    const record = result.records[0];
    return page(record.get("total"), record.get("page"), offset);
  },
};

export const Change = {
  entity: (c: ChangeValue, _: unknown, ctx: Context) => ctx.loaders.entity.load(c.entityId),
};
