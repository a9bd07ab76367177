import { readQuery } from "./query.ts";
import type { SubgraphValue } from "./rows.ts";

const SUBGRAPH_MS = 10_000;

export interface NeighbourhoodParams {
  id: string;
  /** Hops from the centre, written into the query's quantifier (range-checked by the caller). */
  depth: number;
  types: string[];
  schemata: string[] | null;
  limit: number;
  /** Only relationships valid on this day (YYYY-MM-DD); null: all. */
  at?: string | null;
}

/** cypher/read/neighbourhood.cypher: one row, none if the centre does not exist. */
export const neighbourhood = readQuery<NeighbourhoodParams, SubgraphValue & { truncated: boolean }>(
  "read/neighbourhood",
  SUBGRAPH_MS,
  ({ depth, ...params }) => ({ params: { ...params, at: params.at ?? null }, bounds: { depth } }),
);

/** cypher/read/subgraph.cypher: one row; `ids` must have no duplicates. */
export const subgraph = readQuery<{ ids: string[]; types: string[]; at?: string | null }, SubgraphValue>(
  "read/subgraph",
  SUBGRAPH_MS,
  (p) => ({ params: { ...p, at: p.at ?? null } }),
);
