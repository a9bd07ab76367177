import type { Graph, QueryOptions } from "../../server/db/graph.ts";

/** One query as the API asked the database to run it. */
export interface RecordedQuery {
  name: string;
  params: Record<string, unknown>;
  options: QueryOptions;
}

/**
 * A stand-in for Graph at the database edge, for tests that need no Neo4j: it records every query the API runs
 * and answers with the rows given per query file (none by default).
 */
export function recordingGraph(rows: Record<string, Record<string, unknown>[]> = {}) {
  const queries: RecordedQuery[] = [];
  const run = async (name: string, params: Record<string, unknown> = {}, options: QueryOptions = {}) => {
    queries.push({ name, params, options });
    return { records: (rows[name] ?? []).map((row) => ({ toObject: () => row, get: (key: string) => row[key] })) };
  };
  // A request's deadline (Graph.until) scopes the same recorder.
  const graph = { read: run, write: run, healthy: async () => true, until: () => graph } as unknown as Graph;
  return { graph, queries };
}
