import { readQuery } from "./query.ts";
import type { Direction, PathValue } from "./rows.ts";

/** Path searches may take longer than lookups. */
const PATHS_MS = 10_000;

export interface PathParams {
  from: string;
  to: string;
  /** Longest path, written into the query's quantifier (range-checked by the caller). */
  maxHops: number;
  types: string[];
  direction: Direction;
  /** Entities the path must not pass through (never its ends). */
  avoid: string[];
  /** Only relationships valid on this day (YYYY-MM-DD); null: all. */
  at?: string | null;
}

/** cypher/read/shortest-path.cypher: the one shortest path (k = 1), if any. */
export const shortestPath = readQuery<PathParams, PathValue>("read/shortest-path", PATHS_MS, ({ maxHops, ...params }) => ({
  params: { ...params, at: params.at ?? null },
  bounds: { maxHops },
}));

/** cypher/read/shortest-paths.cypher: the k shortest simple paths, shortest first. */
export const shortestPaths = readQuery<PathParams & { k: number }, PathValue>(
  "read/shortest-paths",
  PATHS_MS,
  ({ maxHops, k, ...params }) => ({
    params: { ...params, at: params.at ?? null },
    bounds: { maxHops, k },
  }),
);

/** cypher/read/paths.cypher: the first `first` simple paths, shortest first. */
export const paths = readQuery<PathParams & { first: number }, PathValue>("read/paths", PATHS_MS, ({ maxHops, ...params }) => ({
  params: { ...params, at: params.at ?? null },
  bounds: { maxHops },
}));
