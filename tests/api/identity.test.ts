import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinkSummary } from "../../server/import/link.ts";
import { query } from "../import/helpers.ts";
import { errorCode, testApi } from "../support/api.ts";
import { testGraph } from "../support/graph.ts";
import { loadRealLists } from "../support/real-lists.ts";

// All real lists loaded together (OFAC 2024 SDN + companions, the 2026 DPRK excerpt, UN, OpenSanctions FtM, the seed).
const graph = testGraph();
const api = testApi(graph);
let linked: LinkSummary;
beforeAll(async () => {
  linked = await loadRealLists(graph);
}, 600_000);
afterAll(() => graph.close());

const SEARCH = `query($q: String!) { search(query: $q, first: 5) {
  edges { score matchedName node { id name datasets } sameAs { id datasets } }
} }`;

async function search(q: string) {
  const res = await api.query(SEARCH, { q });
  expect(res.errors).toBeUndefined();
  return res.data!.search.edges as {
    score: number;
    matchedName: string;
    node: { id: string; name: string; datasets: string[] };
    sameAs: { id: string }[];
  }[];
}

const MATCH = `query($name: String!, $schema: String, $birthDate: String, $identifiers: [String!], $relatedNames: [String!], $first: Int, $threshold: Float) {
  match(name: $name, schema: $schema, birthDate: $birthDate, identifiers: $identifiers, relatedNames: $relatedNames, first: $first, threshold: $threshold) {
    score match matchedName entity { id name } features { name value contribution }
  }
}`;

describe("search ranking with every real list loaded", () => {
  it.each([
    ["Bureau 53", "ofac-52262"],
    ["Lee Su Yong", "ofac-21735"],
    ["Путин", "ofac-35096"],
    ["MINISTRY OF STATE SECURITY", "ofac-20129"],
    ["Son Kyong-sik", "ofac-52286"],
    ["son kyongsik", "ofac-52286"],
    ["Song Kyong Sik", "ofac-52286"],
    ["chonsurim trading", "ofac-52283"],
    ["Jong In-chol", "ofac-52289"],
    ["osong shiping", "ofac-52282"],
  ])("%j ranks %s first", async (q, id) => {
    const [first] = await search(q);
    expect([first.node.id, ...first.sameAs.map((s) => s.id)]).toContain(id);
  });

  it("IRGC: the EU record named IRGC first, then OFAC's ISLAMIC REVOLUTIONARY GUARD CORPS a.k.a. IRGC, not folded together", async () => {
    const edges = await search("IRGC");
    // Both are exact (score 1); a record's own name ranks before another's alias (breakTie).
    expect(edges.slice(0, 2).map((e) => [e.node.id, e.score, e.matchedName])).toEqual([
      ["NK-2PacmNpiLUmoz4XD2mSt7A", 1, "IRGC"],
      ["ofac-10391", 1, "IRGC"],
    ]);
    expect(edges[1].node.name).toBe("ISLAMIC REVOLUTIONARY GUARD CORPS");
    // No evidence joins them: the EU record's referents name OFAC's Qods Force record, not OFAC's IRGC.
    expect(edges[0].sameAs.map((s) => s.id)).toEqual(["ofac-10465"]);
    expect(
      await query(graph, "MATCH (:Entity {id: 'NK-2PacmNpiLUmoz4XD2mSt7A'})-[r:SAME_AS]-(:Entity {id: 'ofac-10391'}) RETURN r"),
    ).toEqual([]);
  });

  it("reads a year in the query as the year of birth: Kim Yong Chol 1962 is the KOMID representative, not the 1947 general", async () => {
    const [first] = await search("Kim Yong Chol 1962");
    const ids = [first.node.id, ...first.sameAs.map((s) => s.id)];
    expect(ids).toContain("ofac-17614");
    expect(ids).not.toContain("ofac-12211");
  });

  it("shows each hit's lists and folds one party's records into one row", async () => {
    const edges = await search("Korea Mining Development Trading Corporation");
    const komid = edges.find((e) => [e.node.id, ...e.sameAs.map((s) => s.id)].includes("unsc-690735"));
    expect(komid).toBeDefined();
    expect([komid!.node.id, ...komid!.sameAs.map((s) => s.id)].sort()).toEqual(["ofac-9345", "unsc-690735"]);
    expect(edges.filter((e) => e.node.id === "ofac-9345" || e.node.id === "unsc-690735")).toHaveLength(1);
    expect(komid!.node.datasets.length).toBeGreaterThan(0);
  });
});

describe("match", () => {
  it("explains the score, and a conflicting date of birth visibly lowers it", async () => {
    const res = await api.query(MATCH, { name: "Kim Yong Chol", birthDate: "1962", schema: "Person", first: 10 });
    expect(res.errors).toBeUndefined();
    const candidates = res.data!.match as {
      score: number;
      match: boolean;
      entity: { id: string };
      features: { name: string; value: string; contribution: number }[];
    }[];
    const right = candidates.find((c) => c.entity.id === "ofac-17614")!;
    const wrong = candidates.find((c) => c.entity.id === "ofac-12211")!;
    expect(right.match).toBe(true);
    expect(right.score).toBeGreaterThan(wrong.score);
    expect(candidates.indexOf(right)).toBeLessThan(candidates.indexOf(wrong));
    const conflict = wrong.features.find((f) => f.name === "birthDate")!;
    expect(conflict.contribution).toBeLessThan(0);
    expect(conflict.value).toMatch(/1962 conflicts with/);
    for (const c of candidates) {
      const sum = c.features.reduce((s, f) => s + f.contribution, 0);
      expect(c.score).toBeCloseTo(Math.max(0, Math.min(1, sum)), 2);
      expect(c.features[0].name).toBe("name");
    }
  });

  it("a shared identifier lifts a candidate; related names among its neighbours add a feature", async () => {
    const res = await api.query(MATCH, { name: "Zakharov Aleksandr", identifiers: ["183111242406"], relatedNames: ["Zala Aero"] });
    expect(res.errors).toBeUndefined();
    const [first] = res.data!.match;
    expect(["ofac-45937", "NK-aU5ybkbRFJucf8YMwsJvDw"]).toContain(first.entity.id);
    expect(first.features.find((f: { name: string }) => f.name === "identifier").contribution).toBeGreaterThan(0);
    expect(first.features.find((f: { name: string }) => f.name === "relatedNames").contribution).toBeGreaterThan(0);
  });

  it("finds OFAC's AL-HEBO, Muhamad Ali for the UN's MOHAMMAD ALI AL HABBO: a doubled letter reads as one", async () => {
    const res = await api.query(MATCH, { name: "MOHAMMAD ALI AL HABBO", birthDate: "1983-10-01", schema: "Person", first: 3 });
    expect(res.errors).toBeUndefined();
    const others = res.data!.match.filter((c: { entity: { id: string } }) => !c.entity.id.startsWith("unsc-"));
    expect(others[0].entity.id).toBe("ofac-24763");
  });

  it("rejects bad input with coded errors", async () => {
    expect(errorCode(await api.query(MATCH, { name: "  " }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(MATCH, { name: "Kim", birthDate: "1962-99" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(MATCH, { name: "Kim", schema: "Spaceship" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(MATCH, { name: "Kim", threshold: 2 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(MATCH, { name: "Kim", relatedNames: Array.from({ length: 10_000 }, (_, i) => `n${i}`) }))).toBe(
      "BAD_USER_INPUT",
    );
    const many = await api.query(`query($e: [ScreenEntry!]!) { screen(entries: $e) { name } }`, {
      e: Array.from({ length: 10_000 }, (_, i) => ({ name: `Name ${i}` })),
    });
    expect(errorCode(many)).toBe("BAD_USER_INPUT");
  });
});

describe("SAME_AS on strong evidence", () => {
  it("links FtM records to the OFAC records they name as referents", async () => {
    expect(linked.byReferent).toBeGreaterThan(0);
    const rows = await query<{ ofac: string; confidence: string[] }>(
      graph,
      `MATCH (o:Entity)-[r:SAME_AS]-(f:Entity) WHERE o.id IN ['ofac-45937', 'ofac-16911', 'ofac-45934'] AND f.id STARTS WITH 'NK-'
       RETURN o.id AS ofac, r.confidence AS confidence ORDER BY ofac`,
    );
    expect(rows.map((r) => r.ofac)).toEqual(["ofac-16911", "ofac-45934", "ofac-45937"]);
    for (const r of rows) expect(r.confidence).toEqual(["confirmed"]);
  });

  it("does not join KIM Yong Chol born 1946/47 with the UN's KIM YONG CHOL born 1962, but joins the one born 1962", async () => {
    const wrong = await query(graph, "MATCH (:Entity {id: 'ofac-12211'})-[r:SAME_AS]-(:Entity {id: 'unsc-6908511'}) RETURN r");
    expect(wrong).toEqual([]);
    const right = await query<{ evidence: string[]; confidence: string[] }>(
      graph,
      "MATCH (:Entity {id: 'ofac-17614'})-[r:SAME_AS]-(:Entity {id: 'unsc-6908511'}) RETURN r.evidence AS evidence, r.confidence AS confidence",
    );
    expect(right).toHaveLength(1);
    expect(right[0].evidence.join(" ")).toMatch(/dates of birth agree|shared identifier/);
  });

  it("does not link people on a shared passport when their names have nothing in common", async () => {
    // The UN gives passports 6620505 and 9003213 to AZIM AGHAJANI and to ALI AKBAR TABATABAEI, OFAC to TABATABAEI.
    expect(linked.contradicted).toBeGreaterThan(0);
    expect(await query(graph, "MATCH (:Entity {id: 'unsc-110444'})-[r:SAME_AS]-(:Entity {id: 'ofac-13106'}) RETURN r")).toEqual([]);
    const [right] = await query<{ evidence: string[] }>(
      graph,
      "MATCH (:Entity {id: 'unsc-110406'})-[r:SAME_AS]-(:Entity {id: 'ofac-13106'}) RETURN r.evidence AS evidence",
    );
    expect(right.evidence.join(" ")).toMatch(/shared identifier: passportNumber 6620505/);
  });

  it("every SAME_AS carries its evidence and confidence, also through the API", async () => {
    const [row] = await query<{ total: number; bare: number }>(
      graph,
      "MATCH ()-[r:SAME_AS]->() RETURN count(r) AS total, count(CASE WHEN size(coalesce(r.evidence, [])) = 0 OR r.confidence IS NULL THEN 1 END) AS bare",
    );
    expect(Number(row.total)).toBe(linked.links);
    expect(Number(row.bare)).toBe(0);
    const res = await api.query(
      `{ entity(id: "ofac-45937") { relationships(types: ["SAME_AS"]) { edges { node { type evidence confidence } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const edges = res.data!.entity.relationships.edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      expect(e.node.evidence.length).toBeGreaterThan(0);
      expect(["confirmed", "probable"]).toContain(e.node.confidence);
    }
  });
});
