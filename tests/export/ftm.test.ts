import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { exportFtm, type FtmOut } from "../../server/export/ftm.ts";
import { importFiles } from "../../server/import/index.ts";
import type { ImportSummary } from "../../server/import/types.ts";
import { fingerprint, query, realData } from "../import/helpers.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

const zala = realData("opensanctions-ftm", "zala_entities.ftm.json");

interface FtmIn {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
}

/** Properties as sets of trimmed values (FtM lists are unordered). */
const normal = (props: Record<string, string[]>) =>
  Object.fromEntries(
    Object.entries(props)
      .map(([k, v]) => [k, [...new Set(v.map((x) => x.trim()).filter(Boolean))].sort()] as const)
      .filter(([, v]) => v.length)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

describe("FtM import and export round trip (OpenSanctions Zala cluster)", () => {
  let graph: Graph;
  let summary: ImportSummary;
  const input: FtmIn[] = readFileSync(zala, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));

  beforeAll(async () => {
    graph = testGraph();
    await resetDatabase(graph, { seed: false });
    summary = await importFiles(graph, "ftm", [zala]);
  });
  afterAll(() => graph.close());

  it("imports nodes, edges, sanctions and the passport", () => {
    expect(input).toHaveLength(91);
    expect(summary.entities).toBe(28); // 91 lines - 41 Sanction - 21 edges - 1 Passport
    expect(summary.relationships).toBe(21); // 14 Ownership, 4 Family, 3 Directorship
    expect(summary.sanctions).toBe(41);
    expect(summary.identifications).toBe(1);
    expect(summary.missingEnds).toBe(0);
  });

  it("keeps an Ownership's direction, percentage and dates, and Family's relationship label", async () => {
    const own = input.find((e) => e.schema === "Ownership" && e.properties.percentage) as FtmIn;
    const [row] = await query<{ from: string; to: string; pct: string[] }>(
      graph,
      "MATCH (a)-[r:OWNS {id: $id}]->(b) RETURN a.id AS from, b.id AS to, r.percentage AS pct",
      { id: own.id },
    );
    expect(row).toEqual({ from: own.properties.owner[0], to: own.properties.asset[0], pct: own.properties.percentage });
    const fam = input.find((e) => e.schema === "Family") as FtmIn;
    const [f] = await query<{ rel: string[] }>(graph, "MATCH ()-[r:FAMILY {id: $id}]->() RETURN r.relationship AS rel", { id: fam.id });
    expect(f.rel).toEqual(fam.properties.relationship);
  });

  it("exports every entity back with its schema, properties and datasets", async () => {
    const out = new Map<string, FtmOut>();
    for await (const e of exportFtm(graph)) out.set(e.id, e);
    expect(out.size).toBe(input.length);
    for (const e of input) {
      const back = out.get(e.id);
      expect(back, e.id).toBeDefined();
      expect(back?.schema, e.id).toBe(e.schema);
      expect(normal(back?.properties ?? {}), `${e.schema} ${e.id}`).toEqual(normal(e.properties));
      expect([...(back?.datasets ?? [])].sort(), e.id).toEqual([...e.datasets].sort());
    }
  });

  it("exports the neighbourhood of one entity", async () => {
    const person = "NK-2Tbri3s6GgNtAwsSXh4qpL";
    const ids: string[] = [];
    for await (const e of exportFtm(graph, { around: person, depth: 1 })) ids.push(e.id);
    expect(ids).toContain(person);
    expect(ids).toContain("NK-aU5ybkbRFJucf8YMwsJvDw"); // her relative, through the Family edge
    expect(ids.length).toBeLessThan(input.length);
  });

  it("a second import changes nothing", async () => {
    const before = await fingerprint(graph);
    await importFiles(graph, "ftm", [zala]);
    expect(await fingerprint(graph)).toEqual(before);
  });
});
