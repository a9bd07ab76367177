import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { exportFtm, type FtmOut } from "../../server/export/ftm.ts";
import { importFiles } from "../../server/import/index.ts";
import type { ImportSummary } from "../../server/import/types.ts";
import { fingerprint, query, realData } from "../import/helpers.ts";
import { testApi } from "../support/api.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

const zala = realData("opensanctions-ftm", "zala_entities.ftm.json");

interface FtmIn {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
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

  it("marks OpenSanctions' targets sanctioned, and search(sanctioned: true) finds them", async () => {
    const targets = input.filter((e) => e.target || e.properties.topics?.includes("sanction")).map((e) => e.id);
    expect(targets).toHaveLength(14);
    const rows = await query<{ id: string }>(graph, "MATCH (e:Entity {sanctioned: true}) RETURN e.id AS id");
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(targets));
    const res = await testApi(graph).query(
      `{ search(query: "Kalashnikov Concern", sanctioned: true) { edges { node { name sanctioned } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.search.edges.map((e: { node: { name: string } }) => e.node.name)).toContain("JSC Kalashnikov Concern");
  });

  it("keeps referents and FtM's dates, and shows only FtM properties in Entity.properties", async () => {
    const person = input.find((e) => e.id === "NK-2Tbri3s6GgNtAwsSXh4qpL") as FtmIn;
    const res = await testApi(graph).query(`{ entity(id: "${person.id}") { properties { name } } }`);
    const names: string[] = res.data?.entity.properties.map((p: { name: string }) => p.name);
    for (const internal of ["referents", "first_seen", "last_seen", "last_change", "sourceIds", "datasets", "derivedProperties"])
      expect(names).not.toContain(internal);
    const [row] = await query<{ e: Record<string, unknown> }>(graph, "MATCH (e:Entity {id: $id}) RETURN e {.*} AS e", { id: person.id });
    expect(row.e).toMatchObject({ first_seen: person.first_seen, last_seen: person.last_seen, last_change: person.last_change });
  });

  it("cites each entity's and edge's own record, dated by FtM's own dates (not the file's modification time)", async () => {
    const own = input.find((e) => e.schema === "Ownership") as FtmIn;
    const [row] = await query<{ sources: Record<string, string>[] }>(
      graph,
      "MATCH ()-[r:OWNS {id: $id}]->() MATCH (s:Source) WHERE s.id IN r.sourceIds RETURN collect(s {.*}) AS sources",
      { id: own.id },
    );
    expect(row.sources).toHaveLength(1);
    expect(row.sources[0]).toMatchObject({ recordId: own.id, date: (own.last_change ?? own.last_seen)?.slice(0, 10) });
    expect(row.sources[0].excerpt).toContain(own.id);
  });

  it("exports provenance back: referents, first_seen/last_seen/last_change, targets and sanction captions", async () => {
    const out = new Map<string, FtmOut>();
    for await (const e of exportFtm(graph)) out.set(e.id, e);
    for (const e of input) {
      const back = out.get(e.id) as FtmOut;
      expect([...back.referents].sort(), e.id).toEqual([...e.referents].sort());
      expect(back.first_seen, e.id).toBe(e.first_seen);
      expect(back.last_seen, e.id).toBe(e.last_seen);
      expect(back.last_change, e.id).toBe(e.last_change);
      if (e.schema === "Sanction") expect(back.caption, e.id).toBe(e.caption);
      if (e.target) expect(back.target, e.id).toBe(true);
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
