import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { exportFtm } from "../../server/export/ftm.ts";
import { importFiles, linkSameParties } from "../../server/import/index.ts";
import { projectRoot } from "../../server/paths.ts";
import { realData } from "../import/helpers.ts";
import { type FtmReport, ftmPython, requireFtmVenv, validateFtm } from "../support/ftm.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

const FTM_FILES = [
  realData("opensanctions-ftm", "zala_entities.ftm.json"),
  realData("opensanctions-ftm", "eu_fsf_sample_entities.ftm.json"),
];
/** Entities of the FtM files come back verbatim: what FtM finds in them is OpenSanctions' data, not our code. */
const verbatim = new Set(
  FTM_FILES.flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l).id as string),
  ),
);

describe("the FtM export of the real lists, validated with followthemoney", () => {
  let graph: Graph;
  let report: FtmReport;
  let exported: { id: string; schema: string; target?: boolean; properties: Record<string, string[]>; first_seen?: string }[];

  beforeAll(async () => {
    requireFtmVenv();
    graph = testGraph();
    await resetDatabase(graph, { seed: true });
    await importFiles(graph, "ofac-csv", [
      realData("ofac", "sdn_2024-05-03.csv"),
      realData("ofac", "alt_2025-12.csv"),
      realData("ofac", "add_2025-12.csv"),
      realData("ofac", "sdn_comments_2025-12.csv"),
    ]);
    await importFiles(graph, "un-xml", [realData("un", "UN_consolidated_2026-02-27.xml")]);
    await importFiles(graph, "ftm", FTM_FILES);
    await linkSameParties(graph);
    const lines: string[] = [];
    for await (const entity of exportFtm(graph)) lines.push(JSON.stringify(entity));
    exported = lines.map((l) => JSON.parse(l));
    report = validateFtm(lines);
  }, 1_200_000);
  afterAll(() => graph?.close());

  it("exports every entity", () => {
    expect(report.entities).toBe(exported.length);
    expect(report.entities).toBeGreaterThan(30_000);
  });

  it("has no schema, id, property or value FtM rejects or rewrites, and no reference to a missing entity, that our code causes", () => {
    const ours = report.problems.filter((p) => !verbatim.has(p.id));
    expect(ours.slice(0, 20)).toEqual([]);
    // What remains is in OpenSanctions' own lines (addressEntity ids of addresses not in the fixture, a phone field
    // holding three numbers): kept verbatim, as the round trip requires.
    const data = report.problems.filter((p) => verbatim.has(p.id));
    expect(data.every((p) => p.kind === "dangling" || p.kind === "invalid")).toBe(true);
    expect(data.length).toBeLessThan(25);
  });

  it("writes phone numbers, IMO numbers and dates in FtM's form", () => {
    const values = (prop: string) => exported.filter((e) => !verbatim.has(e.id)).flatMap((e) => e.properties[prop] ?? []);
    expect(values("phone").length).toBeGreaterThan(10);
    for (const v of values("phone")) expect(v).toMatch(/^\+\d+$/);
    expect(values("imoNumber").length).toBeGreaterThan(500);
    for (const v of values("imoNumber")) expect(v).toMatch(/^IMO\d{7}$/);
    for (const v of values("birthDate")) expect(v).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  });

  it("keeps provenance: OFAC's publisher on OFAC records, FtM's own dates and targets on FtM records", () => {
    const kalashnikov = exported.find((e) => e.properties.name?.includes("JSC Kalashnikov Concern"));
    expect(kalashnikov).toMatchObject({ target: true });
    expect(kalashnikov?.first_seen).toBeTruthy();
    const ofac = exported.find((e) => e.id === "ofac-9345");
    expect(ofac?.properties.publisher?.[0]).toMatch(/Office of Foreign Assets Control/);
  });

  it("the committed model (server/model/ftm-model.json) is the pinned followthemoney's", () => {
    const generated = execFileSync(ftmPython, [join(projectRoot, "scripts", "ftm-model.py")]).toString();
    expect(JSON.parse(readFileSync(join(projectRoot, "server", "model", "ftm-model.json"), "utf8"))).toEqual(JSON.parse(generated));
  });
});
