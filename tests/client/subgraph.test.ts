import { describe, expect, it } from "vitest";
import { GraphQLClient } from "../../client/src/api/client.ts";
import { SanctionsApi } from "../../client/src/api/queries.ts";
import { mergeSubgraphs, subgraphRequests } from "../../client/src/api/subgraph.ts";
import type { Relationship, Subgraph } from "../../client/src/api/types.ts";
import { CHONSURIM, DEPT53, entity, FRONT, JONG, LINKED, OSONG, OSONG_FRONT, rel, SUPPLIES } from "./fixtures.ts";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `e${i}`);

/** What the API would answer for `asked` in a graph of `edges`: nodes in order, edges among them, omitted counts. */
function answer(asked: string[], edges: Relationship[]): Subgraph {
  const set = new Set(asked);
  const inside = edges.filter((e) => set.has(e.source.id) && set.has(e.target.id));
  const omitted = asked
    .map((id) => ({
      id,
      count: edges.filter((e) => (e.source.id === id) !== (e.target.id === id) && !(set.has(e.source.id) && set.has(e.target.id))).length,
    }))
    .filter((o) => o.count > 0);
  return { nodes: asked.map((id) => entity(id, id)), edges: inside, omitted, truncated: false };
}

describe("subgraph requests", () => {
  it("asks once up to the API's bound, without duplicates", () => {
    expect(subgraphRequests(["a", "b", "a"], 500)).toEqual([["a", "b"]]);
    expect(subgraphRequests(ids(500), 500)).toHaveLength(1);
  });

  it("above the bound, asks every pair of half-size blocks so that any two ids meet once", () => {
    const requests = subgraphRequests(ids(10), 4);
    expect(requests).toHaveLength(10); // 5 blocks of 2, 10 pairs
    for (const r of requests) expect(r.length).toBeLessThanOrEqual(4);
    for (const a of ids(10)) for (const b of ids(10)) if (a !== b) expect(requests.some((r) => r.includes(a) && r.includes(b))).toBe(true);
  });
});

describe("mergeSubgraphs", () => {
  it("keeps every node and edge once and recounts what leads outside the whole set", () => {
    const all = ["e0", "e1", "e2", "e3", "e4"];
    const edges = [rel("a", "OWNS", "e0", "e4"), rel("b", "OWNS", "e1", "e2"), rel("c", "OWNS", "e3", "x"), rel("d", "OWNS", "e0", "e1")];
    const merged = mergeSubgraphs(subgraphRequests(all, 4).map((r) => answer(r, edges)));
    const whole = answer(all, edges);
    expect(merged.nodes.map((n) => n.id).sort()).toEqual(all);
    expect(merged.edges.map((e) => e.id).sort()).toEqual(whole.edges.map((e) => e.id).sort());
    expect(merged.omitted).toEqual(whole.omitted);
  });

  it("returns a single answer as it is", () => {
    const one: Subgraph = { nodes: [DEPT53, CHONSURIM], edges: [FRONT], omitted: [], truncated: false };
    expect(mergeSubgraphs([one])).toBe(one);
  });
});

describe("SanctionsApi.subgraph", () => {
  /** A fake API: answers metadata with the given bound and subgraph from the fixture edges. */
  function fakeApi(maxSubgraphIds: number) {
    const bodies: { query: string; variables: { ids: string[] } }[] = [];
    const json = (data: unknown) => new Response(JSON.stringify({ data }), { headers: { "content-type": "application/json" } });
    const api = new SanctionsApi(
      new GraphQLClient({
        fetch: async (_url, init) => {
          const body = JSON.parse(String(init.body));
          if (body.query.includes("metadata")) return json({ metadata: { limits: { maxSubgraphIds } } });
          bodies.push(body);
          return json({ subgraph: answer(body.variables.ids, [FRONT, OSONG_FRONT, SUPPLIES, LINKED]) });
        },
      }),
    );
    return { api, bodies };
  }

  it("asks subgraph(ids) once for a view within the bound", async () => {
    const { api, bodies } = fakeApi(500);
    const result = await api.subgraph([DEPT53.id, CHONSURIM.id, OSONG.id, JONG.id]);
    expect(bodies).toHaveLength(1);
    expect(bodies[0].query).toMatch(/subgraph\(ids: \$ids, at: \$at\)/);
    expect(result.edges.map((e) => e.id).sort()).toEqual([FRONT.id, LINKED.id, OSONG_FRONT.id].sort());
    expect(result.omitted).toEqual([{ id: DEPT53.id, count: 1 }]);
  });

  it("splits a larger view by the bound the API publishes (metadata.limits.maxSubgraphIds)", async () => {
    const { api, bodies } = fakeApi(2);
    const result = await api.subgraph([DEPT53.id, CHONSURIM.id, OSONG.id, JONG.id]);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) expect(body.variables.ids.length).toBeLessThanOrEqual(2);
    expect(result.edges.map((e) => e.id).sort()).toEqual([FRONT.id, LINKED.id, OSONG_FRONT.id].sort());
  });
});
