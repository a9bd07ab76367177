import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { ImportInputError, importFiles } from "../../server/import/index.ts";
import type { ImportSummary } from "../../server/import/types.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { fingerprint, fixture, query, tempFile } from "./helpers.ts";

// A small file in OFAC's advanced XML structure with fictional parties (tests/fixtures/README.md).
const file = fixture("ofac-advanced", "sdn_advanced_small.xml");

describe("OFAC advanced XML import", () => {
  let graph: Graph;
  let summary: ImportSummary;

  beforeAll(async () => {
    graph = testGraph();
    await resetDatabase(graph, { seed: false });
    summary = await importFiles(graph, "ofac-xml", [file]);
  });
  afterAll(() => graph.close());

  it("imports the parties with names, aliases, features and documents", async () => {
    expect(summary.entities).toBe(4);
    const rows = await query<{ e: Record<string, string[] | string> }>(graph, "MATCH (e:Entity) RETURN e {.*} AS e ORDER BY e.id");
    const byId = Object.fromEntries(rows.map((r) => [r.e.id as string, r.e]));
    expect(byId["ofac-990001"]).toMatchObject({
      name: "EXAMPLE STATE DEPARTMENT",
      schema: "Organization",
      alias: ["EXAMPLE BUREAU"],
      country: ["kp"],
    });
    expect(byId["ofac-990002"]).toMatchObject({
      incorporationDate: ["2019-06-21"],
      registrationNumber: ["EX-REG-0002"],
      address: ["Dandong, China"],
    });
    expect(byId["ofac-990004"]).toMatchObject({
      name: "EXAMPLE, Test Person",
      schema: "Person",
      birthDate: ["1959-04-20"],
      gender: ["male"],
      nationality: ["kp"],
      passportNumber: ["P000000001"],
    });
  });

  it("turns programs into sanctions with the listing date", async () => {
    const rows = await query<{ id: string; program: string; listingDate: string | null }>(
      graph,
      "MATCH (e:Entity)-[:HAS_SANCTION]->(s) RETURN s.id AS id, s.program AS program, s.listingDate AS listingDate ORDER BY id",
    );
    expect(rows).toEqual([
      { id: "ofac-sanction-990001", program: "DPRK2", listingDate: "2025-01-16" },
      { id: "ofac-sanction-990002", program: "DPRK2", listingDate: "2025-01-16" },
      { id: "ofac-sanction-990003-DPRK3", program: "DPRK3", listingDate: null },
      { id: "ofac-sanction-990003-NPWMD", program: "NPWMD", listingDate: null },
      { id: "ofac-sanction-990004", program: "DPRK3", listingDate: null },
    ]);
  });

  it("types relationships by OFAC relation type, with the label verbatim in role and the direction normalised", async () => {
    const rows = await query<{ type: string; from: string; to: string; role: string; summary: string[] | null }>(
      graph,
      "MATCH (a:Entity)-[r]->(b:Entity) RETURN type(r) AS type, a.id AS from, b.id AS to, r.role AS role, r.summary AS summary ORDER BY r.id",
    );
    expect(rows).toEqual([
      { type: "LINKED_TO", from: "ofac-990002", to: "ofac-990001", role: "Providing support to", summary: null },
      // "Owned or Controlled By": OFAC's From is the asset, so the owner is our source.
      { type: "OWNS", from: "ofac-990001", to: "ofac-990003", role: "Owned or Controlled By", summary: null },
      { type: "DIRECTOR_OF", from: "ofac-990004", to: "ofac-990003", role: "Leader or official of", summary: ["president"] },
    ]);
    // The fourth relation points at a profile that is not in the file: reported, not invented.
    expect(summary.missingEnds).toBe(1);
    expect(summary.missingExamples[0]).toMatchObject({ source: "ofac-990004", target: "ofac-990009" });
    expect(await query(graph, "MATCH (e:Entity {id: 'ofac-990009'}) RETURN e")).toEqual([]);
  });

  it("a truncated file fails before anything is written", async () => {
    const before = await fingerprint(graph);
    const truncated = tempFile("sdn_advanced.xml", readFileSync(file, "utf8").slice(0, 5000));
    const error = await importFiles(graph, "ofac-xml", [truncated]).catch((e) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect(error.message).toContain(truncated);
    expect(error.message).toMatch(/line \d+/);
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("a second import changes nothing", async () => {
    const before = await fingerprint(graph);
    await importFiles(graph, "ofac-xml", [file]);
    expect(await fingerprint(graph)).toEqual(before);
  });
});
