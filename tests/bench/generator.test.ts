import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFile } from "../../bench/generator/file.ts";
import { generate, type Sidecar } from "../../bench/generator/network.ts";
import { importFiles } from "../../server/import/index.ts";
import { RELATIONSHIP_TYPE_NAMES } from "../../server/model/vocabulary.ts";
import { projectRoot } from "../../server/paths.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

/** Generates into memory and returns the output's hash and the sidecar. */
async function digest(entities: number, seed: number) {
  const hash = createHash("sha256");
  const out = new Writable({
    write(chunk, _encoding, done) {
      hash.update(chunk);
      done();
    },
  });
  const sidecar = await generate({ entities, seed, out });
  return { hash: hash.digest("hex"), sidecar };
}

describe("the synthetic network generator", () => {
  it("is deterministic: the same seed gives byte-identical output, another seed another network", async () => {
    const a = await digest(3_000, 53);
    const b = await digest(3_000, 53);
    const c = await digest(3_000, 54);
    expect(a.hash).toBe(b.hash);
    expect(a.sidecar).toEqual(b.sidecar);
    expect(c.hash).not.toBe(a.hash);
  });

  it("has the shape of sanctions data: super-nodes, a heavy tail, ~5% sanctioned, ownership with percentages", async () => {
    const { sidecar } = await digest(20_000, 53);
    expect(sidecar.superNodes[0].degree).toBeGreaterThanOrEqual(1000);
    expect(sidecar.degree.p50).toBeLessThanOrEqual(3);
    expect(sidecar.degree.max).toBeGreaterThan(100 * sidecar.degree.p99);
    expect(sidecar.sanctioned / sidecar.entities).toBeGreaterThan(0.03);
    expect(sidecar.sanctioned / sidecar.entities).toBeLessThan(0.07);
    expect(sidecar.edgeSchemata.Ownership).toBeGreaterThan(0);
    expect(sidecar.pathPairs.map((p) => p.hops)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe("generated output through the real FtM importer", () => {
  const graph = testGraph();
  let file: string;
  let sidecar: Sidecar;
  beforeAll(async () => {
    await resetDatabase(graph, { seed: false });
    file = join(mkdtempSync(join(tmpdir(), "generator-test-")), "synthetic.ftm.json");
    sidecar = await generateFile(2_000, 53, file, true);
  });
  afterAll(() => graph.close());

  it("imports every entity, relationship and sanction, with aliases, percentages and the planted distances", async () => {
    const summary = await importFiles(graph, "ftm", [file]);
    expect(summary.entities).toBe(sidecar.entities);
    expect(summary.relationships).toBe(sidecar.relationships);
    expect(summary.sanctions).toBe(sidecar.sanctions);
    expect(summary.missingEnds).toBe(0);

    const run = async (cypher: string, params: Record<string, unknown> = {}) =>
      (await graph.driver.executeQuery(cypher, params, { database: graph.database })).records.map((r) => r.toObject());

    const [{ sanctioned }] = await run("MATCH (e:Entity {sanctioned: true}) RETURN count(e) AS sanctioned");
    expect(Number(sanctioned)).toBe(sidecar.sanctioned);

    const hub = sidecar.superNodes[0];
    const [{ degree }] = await run("MATCH (e:Entity {id: $id}) RETURN COUNT { (e)--() } - COUNT { (e)-[:HAS_SANCTION]->() } AS degree", {
      id: hub.id,
    });
    expect(Number(degree)).toBe(hub.degree);

    const [{ owned }] = await run("MATCH ()-[r:OWNS]->() WHERE r.percentage IS NOT NULL RETURN count(r) AS owned");
    expect(Number(owned)).toBe(sidecar.edgeSchemata.Ownership);

    const sample = sidecar.searchSamples[0];
    if (sample) {
      const [{ aliases }] = await run("MATCH (e:Entity {id: $id}) RETURN e.aliases AS aliases", { id: sample.id });
      expect(aliases).toEqual(expect.arrayContaining(sample.aliases));
    }

    for (const pair of sidecar.pathPairs) {
      const rows = await run(
        `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
         MATCH p = SHORTEST 1 (a)-[:$any($types)]-{1,8}(b) RETURN length(p) AS hops`,
        { from: pair.from, to: pair.to, types: ["OWNS", "DIRECTOR_OF", "MEMBER_OF", "EMPLOYED_BY", "FAMILY", "REPRESENTS", "LINKED_TO"] },
      );
      expect(Number(rows[0]?.hops), `${pair.from} -> ${pair.to}`).toBe(pair.hops);
    }
  });

  it("writes the same file for the same seed", async () => {
    const again = join(mkdtempSync(join(tmpdir(), "generator-test-")), "again.ftm.json");
    await generateFile(2_000, 53, again, true);
    expect(readFileSync(again)).toEqual(readFileSync(file));
  });
});

describe("read queries that list the relationship vocabulary literally (so that counts come from the degree store)", () => {
  it("name every relationship type of server/model/vocabulary.ts", () => {
    for (const name of ["read/relationship-counts", "read/relationships-page", "read/parts/members-edges-omitted", "read/hubs"]) {
      const text = readFileSync(join(projectRoot, "cypher", `${name}.cypher`), "utf8");
      const listed = [...text.matchAll(/\['([A-Z_]+)', COUNT/g)].map((m) => m[1]);
      expect(listed.sort(), name).toEqual([...RELATIONSHIP_TYPE_NAMES].sort());
    }
  });
});
