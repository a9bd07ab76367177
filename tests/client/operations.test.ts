import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { GraphQLClient } from "../../client/src/api/client.ts";
import { SanctionsApi } from "../../client/src/api/queries.ts";
import { schema } from "../../server/graphql/schema.ts";

// Every document the client sends is valid against the running schema (no unknown field, no duplicate fragment).
describe("the client's operations", () => {
  it("validate against the server's schema", async () => {
    const sent: { query: string; variables: Record<string, unknown> }[] = [];
    const api = new SanctionsApi(
      new GraphQLClient({
        fetch: async (_url, init) => {
          sent.push(JSON.parse(String(init.body)));
          const limits = { maxSubgraphIds: 500 };
          return new Response(JSON.stringify({ data: { metadata: { limits } } }), { headers: { "content-type": "application/json" } });
        },
      }),
    );
    const path = { from: "a", to: "b", maxHops: 2, k: 2, relationshipTypes: [], direction: "ANY" as const, avoid: [] };
    const calls = [
      () => api.search("x"),
      () => api.neighbourhood("a"),
      () => api.relationshipCounts("a"),
      () => api.relationships({ id: "a" }),
      () => api.entity("a"),
      () => api.metadata(),
      () => api.subgraph(["a"]),
      () => api.paths({ ...path, mode: "shortest" }),
      () => api.paths({ ...path, mode: "all" }),
    ];
    for (const call of calls) await call().catch(() => undefined);
    const operations = new Set(sent.map((s) => s.query));
    expect(operations.size).toBe(calls.length);
    for (const query of operations)
      expect(
        validate(schema, parse(query)).map((e) => e.message),
        query,
      ).toEqual([]);
  });
});
