import { describe, expect, it } from "vitest";
import { errorCode, seededApi } from "../support/api.ts";

const { api } = seededApi();

const SEARCH = `query($q: String!, $first: Int, $after: String, $schemata: [String!], $countries: [String!], $sanctioned: Boolean) {
  search(query: $q, first: $first, after: $after, schemata: $schemata, countries: $countries, sanctioned: $sanctioned) {
    totalCount
    edges { cursor score node { id name schema sanctioned countries } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function search(variables: Record<string, unknown>) {
  const res = await api.query(SEARCH, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.search;
}

describe("search", () => {
  it.each([
    ["Son Kyong-sik", "SON, Kyong Sik"],
    ["Song Kyong Sik", "SON, Kyong Sik"],
    ["son kyongsik", "SON, Kyong Sik"],
    ["chonsurim trading", "CHONSURIM TRADING CORPORATION"],
    ["chonsurim", "CHONSURIM TRADING CORPORATION"],
    ["Jong In-chol", "JONG, In Chol"],
    ["Liaoning China Trade", "LIAONING CHINA TRADE INDUSTRY CO., LTD."],
    ["osong shiping", "KOREA OSONG SHIPPING CORPORATION"],
  ])("ranks the right entity first for %j", async (q, name) => {
    const result = await search({ q });
    expect(result.edges[0].node.name).toBe(name);
    expect(result.edges[0].score).toBeGreaterThan(0);
  });

  it.each([
    ["Song Kyong Sik", "Song Kyong Sik"],
    ["Son Kyong-sik", "SON, Kyong Sik"],
    ["chonsurim", "Chonsurim"], // an exact alias beats the longer primary name
    ["korea chonsurim", "KOREA CHONSURIM TRADING CORPORATION"],
  ])("names the name or alias that matched %j", async (q, matched) => {
    const res = await api.query(`query($q: String!) { search(query: $q, first: 1) { edges { matchedName node { name aliases } } } }`, {
      q,
    });
    expect(res.errors).toBeUndefined();
    const [edge] = res.data!.search.edges;
    expect(edge.matchedName).toBe(matched);
    expect([edge.node.name, ...edge.node.aliases]).toContain(matched);
  });

  it("scores best first", async () => {
    const result = await search({ q: "Korea trading corporation" });
    const scores = result.edges.map((e: { score: number }) => e.score);
    expect(scores.length).toBeGreaterThan(1);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("pages with cursors without repeating or losing results", async () => {
    const all = await search({ q: "korea", first: 100 });
    expect(all.totalCount).toBeGreaterThan(2);
    const first = await search({ q: "korea", first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({ q: "korea", first: 100, after: first.pageInfo.endCursor });
    const paged = [...first.edges, ...second.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(paged).toEqual(all.edges.map((e: { node: { id: string } }) => e.node.id));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it("filters by schema, country and sanction status", async () => {
    const people = await search({ q: "korea chonsurim son jong", schemata: ["Person"] });
    expect(people.edges.length).toBeGreaterThan(0);
    for (const e of people.edges) expect(e.node.schema).toBe("Person");
    const chinese = await search({ q: "liaoning trade", countries: ["CN"] });
    for (const e of chinese.edges) expect(e.node.countries).toContain("cn");
    const unsanctioned = await search({ q: "delegation ministry", sanctioned: false });
    expect(unsanctioned.edges.length).toBeGreaterThan(0);
    for (const e of unsanctioned.edges) expect(e.node.sanctioned).toBe(false);
  });

  it("rejects an empty query, a bad page size, a foreign cursor and an unknown schema with coded errors", async () => {
    expect(errorCode(await api.query(SEARCH, { q: "  -- " }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(SEARCH, { q: "korea", first: 0 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(SEARCH, { q: "korea", first: 1000 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(SEARCH, { q: "korea", after: "bogus" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(SEARCH, { q: "korea", schemata: ["Spaceship"] }))).toBe("BAD_USER_INPUT");
  });

  it("treats Lucene syntax in the input as plain words", async () => {
    const result = await search({ q: 'chonsurim AND "(* OR name:x~' });
    expect(result.edges[0].node.name).toBe("CHONSURIM TRADING CORPORATION");
  });
});
