import { describe, expect, it } from "vitest";
import { errorCode, seededApi } from "../support/api.ts";

const { api } = seededApi();

const N = `query($id: ID!, $depth: Int, $types: [String!], $schemata: [String!], $limit: Int) {
  neighbourhood(id: $id, depth: $depth, relationshipTypes: $types, schemata: $schemata, limit: $limit) {
    nodes { id schema }
    edges { id type source { id } target { id } }
    omitted { id count }
    truncated
  }
}`;

describe("neighbourhood", () => {
  it("returns Department 53, its direct neighbours and the relationships among them", async () => {
    const res = await api.query(N, { id: "ofac-52262" });
    expect(res.errors).toBeUndefined();
    const { nodes, edges, truncated } = res.data!.neighbourhood;
    const ids = nodes.map((n: { id: string }) => n.id);
    expect(ids[0]).toBe("ofac-52262");
    expect(ids).toEqual(expect.arrayContaining(["ofac-52282", "ofac-52283", "ofac-52264"]));
    expect(ids).not.toContain("ofac-52289"); // two hops away
    expect(truncated).toBe(false);
    for (const e of edges) {
      expect(ids).toContain(e.source.id);
      expect(ids).toContain(e.target.id);
    }
  });

  it("reaches further with depth and reports what it left out", async () => {
    const one = (await api.query(N, { id: "ofac-52262", depth: 1 })).data!.neighbourhood;
    const two = (await api.query(N, { id: "ofac-52262", depth: 2 })).data!.neighbourhood;
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(two.nodes.map((n: { id: string }) => n.id)).toContain("ofac-52289");
    expect(one.omitted.length).toBeGreaterThan(0);
  });

  it("filters by relationship type and schema, and truncates at the limit", async () => {
    const fronts = (await api.query(N, { id: "ofac-52262", types: ["FRONT_COMPANY_OF"] })).data!.neighbourhood;
    expect(fronts.nodes.map((n: { id: string }) => n.id).sort()).toEqual(["ofac-52262", "ofac-52282", "ofac-52283"]);
    expect(fronts.edges.every((e: { type: string }) => e.type === "FRONT_COMPANY_OF")).toBe(true);
    const people = (await api.query(N, { id: "ofac-52262", depth: 3, schemata: ["Person"] })).data!.neighbourhood;
    expect(people.nodes.slice(1).every((n: { schema: string }) => n.schema === "Person")).toBe(true);
    const capped = (await api.query(N, { id: "ofac-52262", depth: 2, limit: 1 })).data!.neighbourhood;
    expect(capped.nodes).toHaveLength(2);
    expect(capped.truncated).toBe(true);
  });

  it("rejects bad arguments and unknown ids with coded errors", async () => {
    expect(errorCode(await api.query(N, { id: "nope" }))).toBe("NOT_FOUND");
    expect(errorCode(await api.query(N, { id: "ofac-52262", depth: 4 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(N, { id: "ofac-52262", limit: 501 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(N, { id: "ofac-52262", types: ["DROP_DATABASE"] }))).toBe("BAD_USER_INPUT");
  });
});
