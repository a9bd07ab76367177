import type { Limits, PathQuery } from "../api/types.ts";

/** The bounds the API publishes (`metadata.limits`) for a path query of each mode: hops and how many paths. */
export function pathBounds(limits: Limits, mode: PathQuery["mode"]): { maxHops: number; k: number } {
  return mode === "all" ? { maxHops: limits.maxPathHops, k: limits.maxPaths } : { maxHops: limits.maxHops, k: limits.maxK };
}

/** The query brought within its mode's bounds, so the client never sends what the API would reject. */
export function boundPathQuery(query: PathQuery, limits: Limits): PathQuery {
  const max = pathBounds(limits, query.mode);
  const within = (n: number, top: number) => Math.min(top, Math.max(1, Math.trunc(n) || 1));
  return { ...query, maxHops: within(query.maxHops, max.maxHops), k: within(query.k, max.k) };
}
