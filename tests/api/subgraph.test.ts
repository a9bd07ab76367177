import { describe, expect, it } from "vitest";
import { readSeeds } from "../../server/seed.ts";
import { errorCode, seededApi } from "../support/api.ts";

const { api } = seededApi();

const DEPT53 = "ofac-52262";
const CHONSURIM = "ofac-52283";
const OSONG = "ofac-52282";
const SET = [DEPT53, CHONSURIM, OSONG];

const S = `query($ids: [ID!]!, $types: [String!]) {
  subgraph(ids: $ids, relationshipTypes: $types) {
    nodes { id name }
    edges { id type source { id } target { id } sources { publisher } }
    omitted { id count }
    truncated
  }
}`;

const relationships = readSeeds().flatMap((s) => s.seed.relationships);

interface Result {
  nodes: { id: string; name: string }[];
  edges: { id: string; type: string; source: { id: string }; target: { id: string }; sources: unknown[] }[];
  omitted: { id: string; count: number }[];
  truncated: boolean;
}

async function subgraph(variables: Record<string, unknown>): Promise<Result> {
  const res = await api.query(S, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.subgraph;
}

describe("subgraph", () => {
  it("returns the entities, exactly the relationships among them, and what leads outside", async () => {
    const result = await subgraph({ ids: SET });
    expect(result.nodes.map((n) => n.id)).toEqual(SET);
    expect(result.truncated).toBe(false);
    const among = relationships.filter((r) => SET.includes(r.source) && SET.includes(r.target));
    expect(among.map((r) => r.type)).toEqual(["FRONT_COMPANY_OF", "FRONT_COMPANY_OF"]);
    expect(result.edges.map((e) => e.id).sort()).toEqual(among.map((r) => r.id).sort());
    for (const e of result.edges) {
      expect(e.type).toBe("FRONT_COMPANY_OF");
      expect(e.target.id).toBe(DEPT53);
      expect(e.sources.length).toBeGreaterThan(0);
    }
    const outside = (id: string) =>
      relationships.filter((r) => (r.source === id) !== (r.target === id) && !SET.includes(r.source === id ? r.target : r.source)).length;
    const expected = SET.map((id) => ({ id, count: outside(id) })).filter((o) => o.count > 0);
    expect(expected.length).toBe(3);
    expect([...result.omitted].sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it("counts only the asked relationship types, for edges and omitted", async () => {
    const result = await subgraph({ ids: SET, types: ["LINKED_TO"] });
    expect(result.edges).toEqual([]);
    const linked = (id: string) => relationships.filter((r) => r.type === "LINKED_TO" && (r.source === id || r.target === id)).length;
    for (const o of result.omitted) expect(o.count).toBe(linked(o.id));
  });

  it("skips unknown ids and counts duplicates once", async () => {
    const result = await subgraph({ ids: ["nope", DEPT53, CHONSURIM, "ofac-0", DEPT53] });
    expect(result.nodes.map((n) => n.id)).toEqual([DEPT53, CHONSURIM]);
    expect(result.edges.map((e) => [e.source.id, e.target.id])).toEqual([[CHONSURIM, DEPT53]]);
    expect(await subgraph({ ids: ["nope"] })).toEqual({ nodes: [], edges: [], omitted: [], truncated: false });
    expect(await subgraph({ ids: [] })).toEqual({ nodes: [], edges: [], omitted: [], truncated: false });
  });

  it("rejects more than 500 ids and unknown relationship types", async () => {
    const many = Array.from({ length: 501 }, (_, i) => `id-${i}`);
    const tooMany = await api.query(S, { ids: many });
    expect(errorCode(tooMany)).toBe("BAD_USER_INPUT");
    expect(tooMany.errors?.[0]?.message).toMatch(/ids/);
    expect(errorCode(await api.query(S, { ids: many.slice(0, 500) }))).toBeUndefined();
    expect(errorCode(await api.query(S, { ids: SET, types: ["DROP_DATABASE"] }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(S, { ids: SET, types: [] }))).toBe("BAD_USER_INPUT");
  });
});
