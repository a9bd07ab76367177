/**
 * Watch evaluation: after an import, a list-history replay or a curation write, each active watch compares what it
 * sees within its radius (entities, relationships among them, active sanctions) with what it saw last time, and
 * raises an alert for each new designation, delisting and new relationship, with the path from what is watched.
 * It does not matter how the change came about, so every writer only has to call `evaluateWatches` afterwards.
 */
import { randomUUID } from "node:crypto";
import type { Graph } from "../db/graph.ts";
import { activeWatches, recordEvaluation, sanctionState, watchPath, watchScope } from "../db/queries/watches.ts";
import { RELATIONSHIP_TYPE_NAMES } from "../model/vocabulary.ts";
import { DEFAULT_WEBHOOKS, type Delivery, deliver, type WebhookOptions } from "./webhook.ts";

export const WATCH_LIMITS = { maxRadius: 3, scopeCap: 2_000, relationshipCap: 10_000 } as const;

export type AlertKind = "DESIGNATION" | "DELISTING" | "RELATIONSHIP";

export interface WatchValue {
  id: string;
  owner: string;
  name?: string;
  entityId?: string;
  investigationId?: string;
  radius: number;
  webhookUrl?: string;
  createdAt: string;
  /** JSON of the last Seen; absent before the first evaluation. */
  seen?: string;
}

interface SanctionSeen {
  id: string;
  entityId: string;
  program?: string;
  authority?: string;
}
interface RelationshipSeen {
  id: string;
  type: string;
  source: string;
  target: string;
}
interface Seen {
  entities: string[];
  relationships: RelationshipSeen[];
  sanctions: SanctionSeen[];
}

export interface PathStep {
  nodes: { id: string; name: string }[];
  relationships: { id: string; type: string }[];
}

export interface AlertValue {
  id: string;
  watchId: string;
  owner: string;
  kind: AlertKind;
  at: string;
  /** The entity where it happened (the designated or delisted one; a new relationship's end nearer the watch). */
  entityId: string;
  sanctionId?: string;
  relationshipId?: string;
  summary: string;
  /** JSON of a PathStep: from a watched entity to `entityId`. */
  path: string;
  read?: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

async function scope(graph: Graph, centres: string[], radius: number): Promise<Seen> {
  const [seen] = await watchScope(graph, {
    centres,
    radius,
    types: RELATIONSHIP_TYPE_NAMES,
    cap: WATCH_LIMITS.scopeCap,
    relationshipCap: WATCH_LIMITS.relationshipCap,
    today: today(),
  });
  return seen ?? { entities: [], relationships: [], sanctions: [] };
}

async function pathTo(graph: Graph, centres: string[], radius: number, to: string): Promise<PathStep> {
  if (centres.includes(to)) return { nodes: [{ id: to, name: to }], relationships: [] };
  const [path] = await watchPath(graph, { centres, to, types: RELATIONSHIP_TYPE_NAMES, radius });
  return path ?? { nodes: [], relationships: [] };
}

/** Sanctions that left a watch's view because they ended or vanished (not because a link to them went away). */
async function delisted(graph: Graph, gone: SanctionSeen[]): Promise<SanctionSeen[]> {
  if (!gone.length) return [];
  const states = await sanctionState(graph, { ids: gone.map((s) => s.id) });
  const ended = new Set(states.filter((s) => !s.exists || s.delistedOn || (s.endDate && s.endDate < today())).map((s) => s.id));
  return gone.filter((s) => ended.has(s.id));
}

/** Evaluates one watch: records what it sees and returns the alerts raised (none at its first evaluation). */
export async function evaluateWatch(graph: Graph, watch: WatchValue, centres: string[]): Promise<AlertValue[]> {
  const now = await scope(graph, centres, watch.radius);
  const before: Seen | undefined = watch.seen ? JSON.parse(watch.seen) : undefined;
  const at = new Date().toISOString();
  const alerts: AlertValue[] = [];
  if (before) {
    const raise = async (kind: AlertKind, entityId: string, summary: string, extra: Partial<AlertValue>) => {
      const path = await pathTo(graph, centres, watch.radius, entityId);
      alerts.push({
        id: randomUUID(),
        watchId: watch.id,
        owner: watch.owner,
        kind,
        at,
        entityId,
        summary,
        path: JSON.stringify(path),
        ...extra,
      });
    };
    // A designation is new on an entity the watch already saw; a sanctioned entity that a new link brings into
    // view is reported as that new relationship, not as a designation.
    const seenSanctions = new Set(before.sanctions.map((s) => s.id));
    const seenEntities = new Set(before.entities);
    for (const s of now.sanctions.filter((s) => !seenSanctions.has(s.id) && seenEntities.has(s.entityId)))
      await raise(
        "DESIGNATION",
        s.entityId,
        `New designation${s.program ? ` under ${s.program}` : ""}${s.authority ? ` by ${s.authority}` : ""}.`,
        {
          sanctionId: s.id,
        },
      );
    const current = new Set(now.sanctions.map((s) => s.id));
    for (const s of await delisted(
      graph,
      before.sanctions.filter((s) => !current.has(s.id)),
    ))
      await raise("DELISTING", s.entityId, `Delisted${s.program ? ` from ${s.program}` : ""}.`, { sanctionId: s.id });
    const seenRelationships = new Set(before.relationships.map((r) => r.id));
    for (const r of now.relationships.filter((r) => !seenRelationships.has(r.id))) {
      const nearer = seenEntities.has(r.source) ? r.target : r.source;
      await raise("RELATIONSHIP", nearer, `New ${r.type} relationship between ${r.source} and ${r.target}.`, { relationshipId: r.id });
    }
  }
  await recordEvaluation(graph, { id: watch.id, seen: JSON.stringify(now), at, alerts });
  return alerts;
}

export interface Evaluation {
  alerts: AlertValue[];
  /** Webhook deliveries of the alerts, under way (retries take a while); a CLI awaits them before it exits. */
  deliveries: Promise<(Delivery | undefined)[]>;
}

/**
 * Evaluates every active watch, records the alerts raised and starts their webhook deliveries. Call it after
 * anything that changes the graph: an import, a list-history replay (the API calls it after curation writes).
 */
export async function evaluateWatches(graph: Graph, webhooks: WebhookOptions = DEFAULT_WEBHOOKS, log = console.error): Promise<Evaluation> {
  const alerts: AlertValue[] = [];
  const sends: Promise<Delivery | undefined>[] = [];
  for (const { watch, centres } of await activeWatches(graph, {})) {
    const raised = await evaluateWatch(graph, watch, centres);
    alerts.push(...raised);
    sends.push(deliver(watch, raised, webhooks, log));
  }
  return { alerts, deliveries: Promise.all(sends) };
}
