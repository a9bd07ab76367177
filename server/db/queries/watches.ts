// Watches and their alerts (server/watches): what a watch sees, the path to a change, and the alerts raised.
import type { AlertValue, PathStep, WatchValue } from "../../watches/evaluate.ts";
import { readQuery, writeQuery } from "./query.ts";
import type { EntityNode } from "./rows.ts";

/** A watch's view: a walk of `radius` hops over `types` from its centres (see the .cypher file for the caps). */
interface ScopeParams {
  centres: string[];
  radius: number;
  types: readonly string[];
  cap: number;
  relationshipCap: number;
  today: string;
}

export interface ScopeRow {
  entities: string[];
  relationships: { id: string; type: string; source: string; target: string }[];
  sanctions: { id: string; entityId: string; program?: string; authority?: string }[];
}

const EVALUATION_MS = 30_000;

/** cypher/read/watch-scope.cypher: the entities, relationships and active sanctions within a watch's radius. */
export const watchScope = readQuery<ScopeParams, ScopeRow>("read/watch-scope", EVALUATION_MS, ({ radius, ...params }) => ({
  params: { radius, ...params },
  bounds: { depth: radius },
}));

/** cypher/read/watch-path.cypher: the shortest path (at most `radius` hops) from a watch's centres to an entity. */
export const watchPath = readQuery<{ centres: string[]; to: string; types: readonly string[]; radius: number }, PathStep>(
  "read/watch-path",
  10_000,
  ({ radius, ...params }) => ({ params, bounds: { depth: radius } }),
);

/** cypher/read/sanction-state.cypher: whether sanctions a watch saw still exist, end or were delisted. */
export const sanctionState = readQuery<
  { ids: string[] },
  { id: string; exists: boolean; endDate: string | null; delistedOn: string | null }
>("read/sanction-state", 10_000);

/** cypher/read/watches-active.cypher: every active watch with the entities at its centre. */
export const activeWatches = readQuery<Record<string, never>, { watch: WatchValue; centres: string[] }>(
  "read/watches-active",
  EVALUATION_MS,
);

/** cypher/write/watch-seen.cypher: what a watch saw at its evaluation, and the alerts it raised. */
export const recordEvaluation = writeQuery<{ id: string; seen: string; at: string; alerts: AlertValue[] }>(
  "write/watch-seen",
  EVALUATION_MS,
);

/** cypher/write/watch-create.cypher. */
export const createWatch = writeQuery<{ watch: Record<string, unknown> }, { watch: WatchValue }>("write/watch-create", 5_000);

/** cypher/read/watches-by-owner.cypher: a user's active watches with their unread counts, newest first. */
export const watchesByOwner = readQuery<{ owner: string }, { watch: WatchValue & { unread: number } }>("read/watches-by-owner", 5_000);

/** cypher/write/watch-deactivate.cypher: stops one of the owner's watches (no row if it is not theirs). */
export const stopWatch = writeQuery<{ id: string; owner: string; at: string }, { id: string }>("write/watch-deactivate", 5_000);

/** cypher/read/alerts.cypher: a user's latest alerts and the number unread. */
export const alertsOf = readQuery<{ owner: string; unreadOnly: boolean; limit: number }, { alerts: AlertValue[]; unread: number }>(
  "read/alerts",
  5_000,
);

/** cypher/read/alerts-since.cypher: a user's alerts after a cursor (time, id), oldest first, at most 100. */
export const alertsSince = readQuery<{ owner: string; at: string; id: string }, { alert: AlertValue & { entity: EntityNode | null } }>(
  "read/alerts-since",
  10_000,
);

/** cypher/write/alerts-read.cypher: marks alerts read (all unread when `ids` is null). */
export const markAlertsRead = writeQuery<{ owner: string; ids: string[] | null }, { changed: number }>("write/alerts-read", 5_000);
