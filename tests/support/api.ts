import { afterAll, beforeAll } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { createYogaServer, type YogaOptions } from "../../server/yoga.ts";
import { resetDatabase, testGraph } from "./graph.ts";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** The API in-process (yoga.fetch): no port, the real resolvers, the real Neo4j behind `graph`. */
export function testApi(graph: Graph, options: Omit<YogaOptions, "graph" | "logError"> = {}) {
  const logged: unknown[] = [];
  const lines: string[] = [];
  const yoga = createYogaServer({ graph, logError: (e) => logged.push(e), logLine: (l) => lines.push(l), ...options });
  /** `token`: sent as `Authorization: Bearer <token>`. */
  async function query<T = Record<string, any>>(
    document: string,
    variables: Record<string, unknown> = {},
    { token }: { token?: string } = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }
  return { yoga, query, logged, lines };
}

/** The first error's code, for assertions on bad input. */
export const errorCode = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

/** For a test file: a fresh database with the seed before its tests, and the API over it; closed after them. */
export function seededApi() {
  const graph = testGraph();
  const api = testApi(graph);
  beforeAll(() => resetDatabase(graph));
  afterAll(() => graph.close());
  return { graph, api };
}
