import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { importFiles } from "../../server/import/index.ts";
import { RELATIONSHIP_TYPE_NAMES } from "../../server/model/vocabulary.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { fingerprint, query, realData } from "./helpers.ts";

// The seed (seeds/department-53.json) plus the 2026 OFAC excerpt with the 2025-12 companions: one party per record.
const files = [realData("ofac", "sdn_2026_excerpt_dprk.csv"), realData("ofac", "alt_2025-12.csv"), realData("ofac", "add_2025-12.csv")];

describe("seed + OFAC excerpt: Department 53 is one party", () => {
  let graph: Graph;
  let seedEntities: number;
  let seedPaths: string[];
  /** Liaoning -> Jong In Chol: every simple path up to 4 hops over the vocabulary's types, as relationship ids. */
  const liaoningToJong = async () =>
    (
      await query<{ ids: string[] }>(
        graph,
        `MATCH p = (:Entity {id: 'ofac-52264'})-[:$any($types)]-{1,4}(:Entity {id: 'ofac-52289'})
         WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
         RETURN [r IN relationships(p) | r.id] AS ids`,
        { types: RELATIONSHIP_TYPE_NAMES },
      )
    ).map((row) => row.ids.join(" "));

  beforeAll(async () => {
    graph = testGraph();
    await resetDatabase(graph, { seed: true });
    seedEntities = Number((await query<{ n: number }>(graph, "MATCH (e:Entity) RETURN count(e) AS n"))[0].n);
    seedPaths = await liaoningToJong();
    await importFiles(graph, "ofac-csv", files, { companions: {} });
  });
  afterAll(() => graph.close());

  it("lands the OFAC record on the seed's node: one node, seed and OFAC provenance, seed schema kept", async () => {
    const rows = await query<{ e: Record<string, unknown>; labels: string[] }>(
      graph,
      "MATCH (e:Entity) WHERE e.id = 'ofac-52262' OR e.name = \"DEPARTMENT 53 OF THE MINISTRY OF THE PEOPLE'S ARMED FORCES\" RETURN e {.*} AS e, labels(e) AS labels",
    );
    expect(rows).toHaveLength(1);
    const e = rows[0].e as Record<string, string[] | string>;
    expect(e.schema).toBe("PublicBody");
    expect(rows[0].labels).not.toContain("Organization");
    expect(e.datasets).toEqual(expect.arrayContaining(["seed", "us_ofac_sdn"]));
    expect(e.sourceIds).toEqual(expect.arrayContaining(["ofac-sdn-52262", "treasury-jy2790", "ofac-alt-52262", "ofac-add-52262"]));
    expect(e.alias).toEqual(expect.arrayContaining(["DEPARTMENT 53", "BUREAU 53", "KOREA PONGNAESAN TRADING CORPORATION"]));
    expect(e.classification).toEqual(["Government Entity"]);
  });

  it("adds only the excerpt's records the seed does not have", async () => {
    const n = Number((await query<{ n: number }>(graph, "MATCH (e:Entity) RETURN count(e) AS n"))[0].n);
    // 10 rows in the excerpt, 6 of them the seed's ofac-* nodes.
    expect(n).toBe(seedEntities + 4);
  });

  it("keeps one sanction per designation (the seed's id and listing date, OFAC's program)", async () => {
    const rows = await query<{ s: Record<string, string> }>(
      graph,
      "MATCH (:Entity {id: 'ofac-52262'})-[:HAS_SANCTION]->(s) RETURN s {.*} AS s",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].s.id).toBe("ofac-sanction-52262");
    expect(rows[0].s.program).toBe("DPRK2");
    expect(rows[0].s.listingDate).toBe("2025-01-16");
    expect(rows[0].s.sourceIds).toEqual(expect.arrayContaining(["ofac-sdn-52262", "treasury-jy2790"]));
  });

  it("links the excerpt's Linked To names to the seed's nodes", async () => {
    const rows = await query<{ from: string; to: string }>(
      graph,
      "MATCH (a:Entity)-[r:LINKED_TO]->(b:Entity) WHERE r.role STARTS WITH 'Linked To' RETURN a.id AS from, b.id AS to ORDER BY from, to",
    );
    expect(rows).toEqual([
      { from: "ofac-52264", to: "ofac-52262" },
      { from: "ofac-52286", to: "ofac-52282" },
      { from: "ofac-52289", to: "ofac-52283" },
      { from: "ofac-53820", to: "ofac-53824" },
      { from: "ofac-53822", to: "ofac-53824" },
    ]);
  });

  it("keeps one fact as one relationship with all its sources (the seed's and OFAC's Linked To)", async () => {
    const rows = await query<{ ids: string[]; datasets: string[][]; sources: string[][] }>(
      graph,
      "MATCH (:Entity {id: 'ofac-52264'})-[r:LINKED_TO]-(:Entity {id: 'ofac-52262'}) RETURN collect(r.id) AS ids, collect(r.datasets) AS datasets, collect(r.sourceIds) AS sources",
    );
    expect(rows[0].ids).toEqual(["seed-rel-ofac-linked-to-52264-52262"]);
    expect(rows[0].datasets[0]).toEqual(expect.arrayContaining(["seed", "us_ofac_sdn"]));
    expect(rows[0].sources[0]).toEqual(["ofac-sdn-52264"]);
    // So the OFAC data adds no path between Liaoning and Jong In Chol that the seed did not have (was 4 -> 9).
    expect(seedPaths.length).toBe(4);
    expect((await liaoningToJong()).sort()).toEqual([...seedPaths].sort());
  });

  it("parses the excerpt's identifiers", async () => {
    const [son] = await query<{ e: Record<string, string[]> }>(graph, "MATCH (e:Entity {id: 'ofac-52289'}) RETURN e {.*} AS e");
    expect(son.e.birthDate).toEqual(["1979-01-05"]);
    expect(son.e.passportNumber).toEqual(["390220044"]);
    expect(son.e.gender).toEqual(["male"]);
    const [liaoning] = await query<{ e: Record<string, string[]> }>(graph, "MATCH (e:Entity {id: 'ofac-52264'}) RETURN e {.*} AS e");
    expect(liaoning.e.registrationNumber).toEqual(["91210600MA0YQP7Y0B"]);
    expect(liaoning.e.incorporationDate).toEqual(["2019-06-21"]);
  });

  it("a second import changes nothing", async () => {
    const before = await fingerprint(graph);
    await importFiles(graph, "ofac-csv", files);
    expect(await fingerprint(graph)).toEqual(before);
  });
});
