import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFile } from "../../bench/generator/file.ts";
import { EXIT } from "../../server/cli.ts";
import { Graph } from "../../server/db/graph.ts";
import { importFiles } from "../../server/import/index.ts";
import { freePort, type LocalNeo4j, startNeo4j } from "../../server/neo4j/launcher.ts";
import { projectRoot } from "../../server/paths.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { contents, fingerprint, realData, tempFile } from "./helpers.ts";

// Issue 14.1: `npm run import -- bulk` (neo4j-admin database import full) gives the graph the online FtM import
// gives, compared node by node and relationship by relationship, on a generated network and on the real FtM files.

function bulk(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "server/import/cli.ts"), "bulk", ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: undefined, DEBUG: undefined, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The online import of `files` into the test database: its fingerprint and contents. */
async function online(graph: Graph, files: string[]) {
  await resetDatabase(graph, { seed: false });
  await importFiles(graph, "ftm", files);
  return { fingerprint: await fingerprint(graph), contents: await contents(graph) };
}

async function offline(server: LocalNeo4j) {
  const graph = new Graph({ uri: server.uri, user: "neo4j", password: "unused", database: "neo4j" });
  try {
    return { fingerprint: await fingerprint(graph), contents: await contents(graph) };
  } finally {
    await graph.close();
  }
}

/** Lines only one side has (the first few), so a failure shows what differs rather than two long lists. */
function difference(a: string[], b: string[]) {
  const inA = new Set(a);
  const inB = new Set(b);
  return { onlyOnline: a.filter((l) => !inB.has(l)).slice(0, 10), onlyBulk: b.filter((l) => !inA.has(l)).slice(0, 10) };
}

describe("bulk import (neo4j-admin) against the online import", () => {
  const graph = testGraph();
  const home = mkdtempSync(join(tmpdir(), "bulk-home-"));
  let env: Record<string, string>;
  let generated: string;
  const real = [realData("opensanctions-ftm", "zala_entities.ftm.json"), realData("opensanctions-ftm", "eu_fsf_sample_entities.ftm.json")];
  // One entity in two fragments (the same id twice in a file): its Source is written once and merged (the url of the
  // first, the date and excerpt of the second); the second's only alias is the first's name, so no aliases are left.
  // Its FtM lists are empty or missing, so neither importer may store an empty list.
  const fragments = tempFile(
    "fragments.ftm.json",
    [
      {
        id: "frag-1",
        schema: "Person",
        properties: { name: ["Ana Frag"], sourceUrl: ["https://example.org/a"], topics: [] },
        datasets: [],
        last_change: "2024-01-01T00:00:00",
      },
      {
        id: "frag-1",
        schema: "Person",
        properties: { name: ["Bea Frag", "Ana Frag"] },
        datasets: ["frag"],
        last_change: "2024-02-02T00:00:00",
      },
    ]
      .map((e) => JSON.stringify(e))
      .join("\n"),
  );
  let server: LocalNeo4j | undefined;

  beforeAll(async () => {
    env = { NEO4J_HOME: home, NEO4J_PORT: String(await freePort()), NEO4J_HEAP: "512m", NEO4J_PAGECACHE: "128m" };
    generated = join(mkdtempSync(join(tmpdir(), "bulk-net-")), "network.ftm.json");
    await generateFile(2_000, 53, generated, true);
  });
  afterAll(async () => {
    await server?.stop();
    await graph.close();
    rmSync(home, { recursive: true, force: true });
    if (generated) rmSync(dirname(generated), { recursive: true, force: true });
  });

  it("loads a generated network into a new database: the same graph as the online import", async () => {
    const result = await bulk([generated, "--json"], env);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const summary = JSON.parse(result.stdout);
    expect(summary.entities).toBe(2_000);
    expect(summary.bulk.steps.admin).toBeGreaterThan(0);
    // Queryable (the scale target) is the total but for the final stop of the server that created the indexes.
    expect(summary.bulk.steps.stop).toBeGreaterThan(0);
    expect(summary.bulk.queryableSeconds).toBeCloseTo(summary.seconds - summary.bulk.steps.stop, 2);
    // CPU seconds per step (Linux /proc): each step's own process did work.
    for (const step of ["read", "admin", "start", "schema"]) expect(summary.bulk.cpu[step], step).toBeGreaterThan(0);
    expect(result.stderr).toContain("neo4j-admin: IMPORT DONE");

    const expected = await online(graph, [generated]);
    server = await startNeo4j({ home, port: Number(env.NEO4J_PORT), heap: "512m", pageCache: "128m", log: () => {} });
    const actual = await offline(server);
    expect(expected.contents.length).toBeGreaterThan(2_000 + 3_000); // entities, sources, relationships, ...
    expect(actual.fingerprint).toEqual(expected.fingerprint);
    expect(difference(expected.contents, actual.contents)).toEqual({ onlyOnline: [], onlyBulk: [] });
    // The schema is there too: constraints and the full-text indexes search and matching use.
    const schema = new Graph({ uri: server.uri, user: "neo4j", password: "unused", database: "neo4j" });
    try {
      const { records } = await schema.driver.executeQuery("SHOW INDEXES YIELD name, state RETURN name, state", {}, { database: "neo4j" });
      const indexes = Object.fromEntries(records.map((r) => [r.get("name"), r.get("state")]));
      expect(indexes).toMatchObject({ entity_id: "ONLINE", entity_names: "ONLINE", entity_match_keys: "ONLINE" });
    } finally {
      await schema.close();
    }
  });

  it("refuses to overwrite a database that holds data without --replace, and leaves the running server alone", async () => {
    const result = await bulk(real, env);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/is not empty.*--replace/s);
    expect(server && (await offline(server)).fingerprint.nodes).toBeGreaterThan(2_000);
  });

  it("with --replace stops the running server by its PID, says so, and gives the online import's graph of the real FtM files", async () => {
    const running = server as LocalNeo4j;
    const result = await bulk([...real, fragments, "--replace"], env);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toContain(`Stopping the Neo4j running from ${home} (PID ${running.pid}`);
    expect(result.stdout).toContain(`Neo4j (PID ${running.pid}) was stopped for the import`);
    expect(result.stdout).toMatch(/queryable after [\d.]+ s \(\d+ items\/s; the final stop of Neo4j, [\d.]+ s, is not part of it\)/);
    expect(result.stdout).toMatch(/CPU seconds +read [\d.]+, csv [\d.]+, admin [\d.]+, start [\d.]+, schema [\d.]+ \(on \d+ cores\)/);
    await running.stop(); // already gone: releases nothing but our handle
    server = undefined;

    const expected = await online(graph, [...real, fragments]);
    server = await startNeo4j({ home, port: Number(env.NEO4J_PORT), heap: "512m", pageCache: "128m", log: () => {} });
    const actual = await offline(server);
    expect(expected.fingerprint.nodes).toBeGreaterThan(100);
    expect(actual.fingerprint).toEqual(expected.fingerprint);
    expect(difference(expected.contents, actual.contents)).toEqual({ onlyOnline: [], onlyBulk: [] });
    // What the fragments must give, and no empty list anywhere (neo4j-admin could not store one).
    const db = new Graph({ uri: server.uri, user: "neo4j", password: "unused", database: "neo4j" });
    try {
      const { records } = await db.driver.executeQuery(
        `MATCH (e:Entity {id: 'frag-1'}), (s:Source {id: 'ftm:fragments.ftm.json:frag-1'})
         RETURN e.name AS name, e.aliases AS aliases, e.names AS names, s.url AS url, s.date AS date, s.excerpt CONTAINS 'Bea' AS second,
           NOT EXISTS { MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = []) } AS noEmptyLists`,
        {},
        { database: "neo4j" },
      );
      expect(records.map((r) => r.toObject())).toEqual([
        {
          name: "Ana Frag",
          aliases: null,
          names: ["Ana Frag", "Bea Frag"],
          url: "https://example.org/a",
          date: "2024-02-02",
          second: true,
          noEmptyLists: true,
        },
      ]);
    } finally {
      await db.close();
    }
  });

  it("bad input: a missing or empty file is named, exit 1, and no database is created", async () => {
    const fresh = mkdtempSync(join(tmpdir(), "bulk-bad-"));
    try {
      const missing = await bulk(["/nonexistent/x.ftm.json"], { ...env, NEO4J_HOME: fresh });
      expect(missing.code).toBe(EXIT.badInput);
      expect(missing.stderr).toContain("/nonexistent/x.ftm.json: no such file");
      const empty = tempFile("empty.ftm.json", "");
      const none = await bulk([empty], { ...env, NEO4J_HOME: fresh });
      expect(none.code).toBe(EXIT.badInput);
      expect(none.stderr).toContain(`${empty}: no FtM entities found`);
      const noFiles = await bulk([], { ...env, NEO4J_HOME: fresh });
      expect(noFiles.code).toBe(EXIT.usage);
      expect(existsSync(join(fresh, "data"))).toBe(false);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it("a bad line anywhere is named by file and line before anything is touched: --replace leaves the database and its server as they were", async () => {
    const running = server as LocalNeo4j;
    const before = await offline(running);
    const good = JSON.stringify({ id: "ok-1", schema: "Person", properties: { name: ["Ok One"] } });
    const bad = tempFile(
      "bad-line.ftm.json",
      [good, good.replace("ok-1", "ok-2"), '{"id": "x", "schema": "Persn", "properties": {}}'].join("\n"),
    );
    const result = await bulk([generated, bad, "--replace"], env);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stderr).toContain(`${bad}, line 3: entity x: unknown FtM schema "Persn"`);
    expect(result.stderr).not.toContain("Stopping the Neo4j");
    expect(await offline(running)).toEqual(before);
  });
});
