import { randomUUID } from "node:crypto";
import { investigationById } from "../../db/queries/investigations.ts";
import type { EntityNode } from "../../db/queries/rows.ts";
import { alertsOf, createWatch as createWatchQuery, markAlertsRead, stopWatch, watchesByOwner } from "../../db/queries/watches.ts";
import type { AlertValue, PathStep, WatchValue } from "../../watches/evaluate.ts";
import { WATCH_LIMITS } from "../../watches/evaluate.ts";
import { webhookRefusal } from "../../watches/webhook.ts";
import type { Context } from "../context.ts";
import { badInput, notFound } from "../errors.ts";
import { intInRange } from "../limits.ts";
import { requireRole } from "../plugins/auth.ts";

interface WatchInput {
  name?: string | null;
  entity?: string | null;
  investigation?: string | null;
  radius: number;
  webhookUrl?: string | null;
}

async function createWatch(_: unknown, { input }: { input: WatchInput }, ctx: Context) {
  const user = requireRole(ctx, "viewer");
  const radius = intInRange("input.radius", input.radius, 1, WATCH_LIMITS.maxRadius);
  if (!input.entity === !input.investigation) throw badInput("input", "name exactly one of `entity` and `investigation`.");
  const refusal = input.webhookUrl ? webhookRefusal(input.webhookUrl, ctx.watches.webhooks) : undefined;
  if (refusal) throw badInput("input.webhookUrl", refusal);
  let centres: string[];
  if (input.entity) {
    if (!(await ctx.loaders.entity.load(input.entity))) throw notFound("input.entity", input.entity);
    centres = [input.entity];
  } else {
    const [found] = await investigationById(ctx.graph, { id: input.investigation ?? "" });
    const investigation = found?.investigation;
    if (!investigation || investigation.owner !== user.sub)
      throw badInput("input.investigation", `you have no investigation "${input.investigation}".`);
    centres = investigation.entityIds;
  }
  const watch = Object.fromEntries(
    Object.entries({
      id: randomUUID(),
      owner: user.sub,
      name: input.name?.trim().slice(0, 200) || null,
      entityId: input.entity ?? null,
      investigationId: input.investigation ?? null,
      radius,
      webhookUrl: input.webhookUrl ?? null,
      createdAt: new Date().toISOString(),
    }).filter(([, v]) => v !== null),
  );
  const [{ watch: created }] = await createWatchQuery(ctx.graph, { watch });
  await ctx.watches.baseline(created, centres);
  return { ...created, evaluatedAt: new Date().toISOString(), unread: 0 };
}

export const watchResolvers = {
  Query: {
    watches: async (_: unknown, __: unknown, ctx: Context) => {
      const user = requireRole(ctx, "viewer");
      return (await watchesByOwner(ctx.graph, { owner: user.sub }, ctx.request.signal)).map((r) => r.watch);
    },
    alerts: async (_: unknown, args: { unreadOnly: boolean; first: number }, ctx: Context) => {
      const user = requireRole(ctx, "viewer");
      const limit = intInRange("first", args.first, 1, 200);
      const [found] = await alertsOf(ctx.graph, { owner: user.sub, unreadOnly: args.unreadOnly, limit }, ctx.request.signal);
      return { alerts: found.alerts, unreadCount: found.unread };
    },
  },
  Mutation: {
    createWatch,
    stopWatch: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      const user = requireRole(ctx, "viewer");
      const stopped = await stopWatch(ctx.graph, { id, owner: user.sub, at: new Date().toISOString() });
      if (!stopped.length) throw badInput("id", `you have no watch "${id}".`);
      return true;
    },
    markAlertsRead: async (_: unknown, { ids }: { ids?: string[] | null }, ctx: Context) => {
      const user = requireRole(ctx, "viewer");
      const [{ changed }] = await markAlertsRead(ctx.graph, { owner: user.sub, ids: ids ?? null });
      return changed;
    },
  },
  Subscription: {
    alertRaised: {
      subscribe: async function* (_: unknown, { since }: { since?: string | null }, ctx: Context) {
        const user = requireRole(ctx, "viewer");
        const from = since ?? new Date().toISOString();
        if (Number.isNaN(Date.parse(from))) throw badInput("since", "must be an ISO 8601 time.");
        for await (const alert of ctx.watches.stream(user.sub, new Date(from).toISOString(), ctx.request.signal))
          yield { alertRaised: alert };
      },
    },
  },
  Watch: {
    entity: (w: WatchValue, _: unknown, ctx: Context) => (w.entityId ? ctx.loaders.entity.load(w.entityId) : null),
    unread: (w: WatchValue & { unread?: number }) => w.unread ?? 0,
  },
  Alert: {
    // Live alerts carry their entity (read by the feed); listed ones load it.
    entity: (a: AlertValue & { entity?: EntityNode | null }, _: unknown, ctx: Context) =>
      a.entity !== undefined ? a.entity : ctx.loaders.entity.load(a.entityId),
    read: (a: AlertValue) => a.read === true,
    path: (a: AlertValue) => {
      const path = JSON.parse(a.path) as PathStep;
      return path.nodes.map((n, i) => ({ ...n, via: path.relationships[i]?.type ?? null }));
    },
  },
};
