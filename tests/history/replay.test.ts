import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { applySnapshot, MassRemovalError, replay, type SnapshotResult } from "../../server/history/replay.ts";
import type { Progress } from "../../server/import/pipeline.ts";
import { ImportInputError } from "../../server/import/types.ts";
import { projectRoot } from "../../server/paths.ts";
import { fingerprint, fixture, query, tempFile } from "../import/helpers.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { csvChanges, fileDate } from "./csv-diff.ts";

// An extract of the real OFAC snapshots 2021-08-24 .. 2024-05-04 (tests/fixtures/README.md).
const dir = fixture("ofac-history");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".csv"))
  .map((f) => join(dir, f))
  .sort();
const file = (date: string) => files.find((f) => fileDate(f) === date) as string;

/** Everything the history stores, in a stable order (to compare replays). */
async function historyDump(graph: Graph) {
  return {
    changes: await query(
      graph,
      "MATCH (c:Change) RETURN c.recordId AS id, c.date AS date, c.kind AS kind, c.fields AS fields ORDER BY id, date",
    ),
    versions: await query(
      graph,
      "MATCH (v:RecordVersion) RETURN v.recordId AS id, v.from AS from, v.to AS to, v.hash AS hash ORDER BY id, from",
    ),
    entities: await query(
      graph,
      "MATCH (e:Entity) WHERE e.listings IS NOT NULL RETURN e.id AS id, e.listings AS listings, e.sanctioned AS sanctioned ORDER BY id",
    ),
    links: await query(
      graph,
      "MATCH ()-[r:LINKED_TO]->() WHERE r.listings IS NOT NULL RETURN r.id AS id, r.listings AS listings ORDER BY id",
    ),
  };
}

describe("replaying OFAC snapshots in date order", () => {
  let graph: Graph;
  const results: SnapshotResult[] = [];
  let refusal: unknown;

  beforeAll(async () => {
    graph = testGraph();
    await resetDatabase(graph, { seed: false });
    await replay(graph, [dir], { onSnapshot: (r) => results.push(r) }).catch((error) => {
      refusal = error;
    });
  }, 900_000);
  afterAll(() => graph.close());

  it("applies the snapshots oldest first and refuses the 0-byte file, naming it", () => {
    expect(results.map((r) => r.date)).toEqual(files.map(fileDate).filter((d) => d !== "2024-05-04"));
    expect(refusal).toBeInstanceOf(ImportInputError);
    expect((refusal as Error).message).toMatch(/sdn_2024-05-04\.csv: is empty \(0 bytes\)/);
  });

  it("records exactly the ADDED/REMOVED/AMENDED records a plain diff of the CSV files finds", async () => {
    const rows = await query<{ date: string; kind: "ADDED" | "REMOVED" | "AMENDED"; ids: string[] }>(
      graph,
      "MATCH (c:Change {dataset: 'us_ofac_sdn'}) WITH c ORDER BY c.recordId RETURN c.date AS date, c.kind AS kind, collect(c.recordId) AS ids",
    );
    const stored: Record<string, { ADDED: string[]; REMOVED: string[]; AMENDED: string[] }> = {};
    for (const r of rows) {
      stored[r.date] ??= { ADDED: [], REMOVED: [], AMENDED: [] };
      stored[r.date][r.kind] = r.ids;
    }
    const expected = csvChanges(files);
    expect(stored).toEqual(expected);
    for (const r of results.slice(1))
      expect([r.added, r.removed, r.amended]).toEqual([
        expected[r.date].ADDED.length,
        expected[r.date].REMOVED.length,
        expected[r.date].AMENDED.length,
      ]);
  });

  it("keeps an amendment's changed fields with old and new values", async () => {
    // MNANGAGWA, Emmerson Dambudzo: program, title and remarks changed in the snapshot of 2024-04-25.
    const [change] = await query<{ fields: string }>(
      graph,
      "MATCH (c:Change {recordId: '7513', kind: 'AMENDED', date: '2024-04-25'}) RETURN c.fields AS fields",
    );
    const fields = JSON.parse(change.fields) as { field: string; old: string; new: string }[];
    expect(fields.map((f) => f.field)).toEqual(["programs", "title", "remarks"]);
    const line = (date: string) =>
      readFileSync(file(date), "latin1")
        .split("\r\n")
        .find((l) => l.startsWith("7513,")) as string;
    expect(line("2024-02-28")).toContain(`"${fields[0].old}"`);
    expect(line("2024-04-25")).toContain(`"${fields[0].new}"`);
  });

  it("gives listing periods, ends the sanctions of delisted records and their Linked To periods", async () => {
    const rows = await query<{ id: string; listings: string[]; sanctioned: boolean; delisted: string[] }>(
      graph,
      `MATCH (e:Entity) WHERE e.id IN ['ofac-7480', 'ofac-38556', 'ofac-38279', 'ofac-48321']
       OPTIONAL MATCH (e)-[:HAS_SANCTION]->(s:Sanction)
       RETURN e.id AS id, e.listings AS listings, e.sanctioned AS sanctioned, collect(s.delistedOn) AS delisted ORDER BY id`,
    );
    expect(rows).toEqual([
      // KERIMOVA, Gulnara Suleymanovna: listed since the snapshot of 2022-11-30 and still listed.
      { id: "ofac-38279", listings: ["us_ofac_sdn|2022-11-30|"], sanctioned: true, delisted: [] },
      // EMPEROR AVIATION LTD: delisted in the snapshot of 2024-05-03.
      { id: "ofac-38556", listings: ["us_ofac_sdn|2022-11-30|2024-05-03"], sanctioned: false, delisted: ["2024-05-03"] },
      { id: "ofac-48321", listings: ["us_ofac_sdn|2024-05-02|"], sanctioned: true, delisted: [] },
      // MUGABE, Robert Gabriel: on the list in the first snapshot, gone on 2024-04-25.
      { id: "ofac-7480", listings: ["us_ofac_sdn|2021-08-24|2024-04-25"], sanctioned: false, delisted: ["2024-04-25"] },
    ]);
    const [link] = await query<{ listings: string[] }>(
      graph,
      "MATCH (:Entity {id: 'ofac-38557'})-[r:LINKED_TO]->(:Entity {id: 'ofac-38556'}) RETURN r.listings AS listings",
    );
    expect(link.listings).toEqual(["2022-11-30|2024-05-03"]);
  });

  it("changes nothing when the 0-byte file is offered again or a snapshot is re-applied", async () => {
    const before = await fingerprint(graph);
    await expect(applySnapshot(graph, file("2024-05-04"))).rejects.toThrow(/sdn_2024-05-04\.csv.*empty/);
    expect((await applySnapshot(graph, file("2024-05-02"))).alreadyApplied).toBe(true);
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("the CLI: exit code 1 for the 0-byte file, 5 for a mass delisting, each naming the file and nothing written", async () => {
    const before = await fingerprint(graph);
    const env = { ...process.env, NEO4J_URI: inject("neo4jUri"), NEO4J_PASSWORD: "unused" };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", join(projectRoot, "server", "import", "cli.ts"), "history", ...args], {
        cwd: projectRoot,
        env,
        encoding: "utf8",
        timeout: 120_000,
      });
    const empty = cli(file("2024-05-04"));
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain("sdn_2024-05-04.csv: is empty (0 bytes)");
    const shrunk = tempFile("sdn.csv", readFileSync(file("2024-05-03"), "latin1").split("\r\n").slice(0, 100).join("\r\n"));
    const mass = cli(shrunk, "--as-of", "2024-06-03");
    expect(mass.status).toBe(5);
    expect(mass.stderr).toMatch(/sdn\.csv: would delist 221 of 321 records/);
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("refuses a truncated or mass-delisting snapshot by name and count, writing nothing; --allow-mass-removal overrides", async () => {
    const before = await fingerprint(graph);
    const latest = readFileSync(file("2024-05-03"), "latin1");
    const cut = latest.split("\r\n").slice(0, 200).join("\r\n");
    const shrunk = tempFile("sdn_2024-06-01.csv", Buffer.from(`${cut}\r\n`, "latin1"));
    const error = await applySnapshot(graph, shrunk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MassRemovalError);
    expect((error as Error).message).toMatch(/sdn_2024-06-01\.csv: would delist 121 of 321 records \(37\.7%, more than the allowed 10%\)/);
    // Cut inside a quoted field, as an interrupted download leaves it.
    const midRow = tempFile("sdn_2024-06-02.csv", Buffer.from(latest.slice(0, latest.indexOf(',"', latest.length / 2) + 5), "latin1"));
    await expect(applySnapshot(graph, midRow)).rejects.toThrow(
      /sdn_2024-06-02\.csv, line \d+: not readable as CSV.*\(the file looks truncated\)/,
    );
    await expect(applySnapshot(graph, shrunk, { maxRemovalShare: 0.5 })).resolves.toMatchObject({ removed: 121 });
    expect(await fingerprint(graph)).not.toEqual(before);
  });
});

describe("late and interrupted snapshots converge to the in-order history", () => {
  let graph: Graph;
  const first = files.slice(0, 3);

  beforeAll(() => {
    graph = testGraph();
  });
  afterAll(() => graph.close());

  /** The in-order history restricted to the first three snapshots. */
  async function expectedDump() {
    await resetDatabase(graph, { seed: false });
    await replay(graph, first);
    return historyDump(graph);
  }

  it("places snapshots that arrive out of order in the history", async () => {
    const expected = await expectedDump();
    await resetDatabase(graph, { seed: false });
    const late: boolean[] = [];
    for (const f of [first[0], first[2], first[1]]) late.push((await applySnapshot(graph, f)).late);
    expect(late).toEqual([false, false, true]);
    expect(await historyDump(graph)).toEqual(expected);
  }, 600_000);

  it("converges when a replay is interrupted and run again", async () => {
    const expected = await expectedDump();
    await resetDatabase(graph, { seed: false });
    // Crashes after the second batch of the first snapshot's history is written.
    let phase = "";
    let batches = 0;
    const crashing: Progress = {
      phase(name) {
        phase = name;
      },
      done() {},
      tick() {
        if (phase === "history" && ++batches === 2) throw new Error("simulated crash");
      },
    };
    await expect(replay(graph, first, { batchSize: 40, progress: crashing })).rejects.toThrow("simulated crash");
    await replay(graph, first);
    expect(await historyDump(graph)).toEqual(expected);
  }, 600_000);
});
