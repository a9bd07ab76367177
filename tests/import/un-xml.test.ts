import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { importFiles, linkSameParties } from "../../server/import/index.ts";
import { testApi } from "../support/api.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { fingerprint, query, realData, tempFile } from "./helpers.ts";

const un = realData("un", "UN_consolidated_2026-02-27.xml");

describe("UN consolidated list import and SAME_AS links", () => {
  let graph: Graph;

  beforeAll(async () => {
    graph = testGraph();
    await resetDatabase(graph, { seed: false });
  });
  afterAll(() => graph.close());

  it("imports every record", async () => {
    const summary = await importFiles(graph, "un-xml", [un]);
    expect(summary.entities).toBe(1003);
    expect(summary.sanctions).toBe(1003);
  });

  it("KPe.001: KOMID with aliases, address and its DPRK sanction", async () => {
    const [row] = await query<{ e: Record<string, string[] | string>; s: Record<string, string> }>(
      graph,
      "MATCH (e:Entity {id: 'unsc-690735'})-[:HAS_SANCTION]->(s) RETURN e {.*} AS e, s {.*} AS s",
    );
    expect(row.e.referents).toEqual(["unsc-KPe.001"]);
    expect(row.e.name).toBe("KOREA MINING DEVELOPMENT TRADING CORPORATION");
    expect(row.e.schema).toBe("Organization");
    expect(row.e.alias).toEqual(expect.arrayContaining(["KOMID", "CHANGGWANG SINYONG CORPORATION"]));
    expect(row.e.country).toEqual(["kp"]);
    expect(row.s).toMatchObject({
      authority: "United Nations Security Council",
      program: "DPRK",
      programId: "KPe.001",
      listingDate: "2009-04-24",
    });
  });

  it("KPi.001: a person with date of birth and nationality", async () => {
    const [row] = await query<{ e: Record<string, string[] | string> }>(graph, "MATCH (e:Entity {id: 'unsc-690734'}) RETURN e {.*} AS e");
    expect(row.e.name).toBe("YUN HO-JIN");
    expect(row.e.schema).toBe("Person");
    expect(row.e.birthDate).toEqual(["1944-10-13"]);
    expect(row.e.nationality).toEqual(["kp"]);
    expect(row.e.alias).toEqual(["Yun Ho-chin"]);
  });

  it("links the UN and OFAC records of KOMID as the same party (exact name, DPRK programs), not TOSONG (NPWMD only)", async () => {
    // Two verbatim rows of the 2024 sdn.csv: KOMID (9345) and TOSONG TECHNOLOGY TRADING CORPORATION (9520).
    const rows = readFileSync(realData("ofac", "sdn_2024-05-03.csv"), "latin1")
      .split("\r\n")
      .filter((l) => /^(9345|9520),/.test(l));
    expect(rows).toHaveLength(2);
    await importFiles(graph, "ofac-csv", [tempFile("sdn.csv", rows.join("\r\n"))], { date: "2024-05-03" });
    const result = await linkSameParties(graph);
    expect(result.links).toBe(1);
    const links = await query<{ a: string; b: string; evidence: string[] }>(
      graph,
      "MATCH (a:Entity)-[r:SAME_AS]->(b:Entity) WHERE a.id STARTS WITH 'ofac-' OR b.id STARTS WITH 'ofac-' RETURN a.id AS a, b.id AS b, r.evidence AS evidence, r.confidence AS confidence ORDER BY a",
    );
    expect(links).toEqual([
      {
        a: "ofac-9345",
        b: "unsc-690735",
        evidence: ['same name "KOREA MINING DEVELOPMENT TRADING CORPORATION" and program family DPRK'],
        confidence: ["probable"],
      },
    ]);
    // TOSONG carries the same exact name on both lists, but OFAC lists it under NPWMD only: no shared program family.
    expect(await query(graph, "MATCH (:Entity {id: 'ofac-9520'})-[r:SAME_AS]-() RETURN r")).toEqual([]);
    // Running the step again adds nothing.
    const before = await fingerprint(graph);
    await linkSameParties(graph);
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("gives every record an FtM-safe id (no dot: FtM reads what follows a dot as a signature)", async () => {
    const rows = await query<{ n: number }>(
      graph,
      "MATCH (e:Entity) WHERE e.id STARTS WITH 'unsc-' AND e.id CONTAINS '.' RETURN count(e) AS n",
    );
    expect(Number(rows[0].n)).toBe(0);
    const sanctions = await query<{ n: number }>(graph, "MATCH (s:Sanction) WHERE s.id CONTAINS '.' RETURN count(s) AS n");
    expect(Number(sanctions[0].n)).toBe(0);
  });

  it("still finds a record by its former id (unsc-<REFERENCE_NUMBER>)", async () => {
    const { query: api } = testApi(graph);
    const res = await api(`{ old: entity(id: "unsc-KPi.024") { id name } now: entity(id: "unsc-6908511") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.old).toMatchObject({ id: "unsc-6908511" });
    expect(res.data?.now).toEqual({ id: "unsc-6908511" });
  });

  it("a second UN import changes nothing", async () => {
    const before = await fingerprint(graph);
    await importFiles(graph, "un-xml", [un]);
    expect(await fingerprint(graph)).toEqual(before);
  });
});
