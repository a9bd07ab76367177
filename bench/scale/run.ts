/**
 * The scale benchmark (`npm run bench -- --sizes 10k,100k,1m`). For each size, on one run:
 * generate the network (bench/generator), start a fresh Neo4j, import the file with the real FtM importer
 * (`server/import/cli.ts ftm`, a process of its own: throughput and peak memory), start the API server (a
 * process of its own), measure every query over HTTP GraphQL beside the same Cypher on the bare driver, then a
 * concurrent run with autocannon; record Neo4j's and the API server's resident memory. Results are merged into
 * bench/results/scale-<date>.json and .md.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { Graph } from "../../server/db/graph.ts";
import { awaitIndexes } from "../../server/db/schema.ts";
import type { ImportSummary } from "../../server/import/types.ts";
import { startNeo4j } from "../../server/neo4j/launcher.ts";
import { projectRoot } from "../../server/paths.ts";
import { compare, type Row } from "../api-vs-driver.ts";
import { generateFile, parseSize } from "../generator/file.ts";
import type { Sidecar } from "../generator/network.ts";
import type { Scenario } from "../scenarios.ts";
import { type BulkResult, bulkLoad } from "./bulk.ts";
import { type ClientResult, clientBench } from "./client.ts";
import { memoryOf, packageVersion, run, watchMemory } from "./proc.ts";
import { scaleMarkdown } from "./report.ts";
import { concurrentMix, scaleScenarios } from "./scenarios.ts";

/** From this size a run gets more memory and fewer iterations per query. */
const isBig = (entities: number): boolean => entities >= 500_000;

/**
 * Neo4j's memory for a generated network of this size. From 500k entities the page cache holds the whole store
 * (4.1 GB at 1M since entities carry match keys and list periods), so warm reads and the first reads after an
 * import alike come from memory; heap 4g.
 */
export function neo4jMemory(entities: number): { heap: string; pageCache: string } {
  return isBig(entities) ? { heap: "4g", pageCache: "6g" } : { heap: "1g", pageCache: "1g" };
}

export interface ScaleOptions {
  sizes: string[];
  seed: number;
  iterations?: number;
  /** Concurrent run: seconds and connections (default 60 s, 50 connections). */
  duration: number;
  connections: number;
  /** Where generated files go (kept between runs; regenerated only if missing). */
  dataDir: string;
  /** Keep each size's Neo4j home in dataDir/neo4j-<size> (for bench/scale/profile.ts afterwards) instead of a temporary one. */
  keep?: boolean;
  /**
   * Reuse a kept home from an earlier --keep run of the same size and seed: no import; the import numbers are
   * carried over from that run's results (for re-measuring queries after a change to cypher/read).
   */
  reuse?: boolean;
  /** Phases to leave out: "bulk" (the offline bulk load of the same file), "client" (the canvas in Chromium). */
  skip?: string[];
  log: (line: string) => void;
}

export interface ConcurrentResult {
  connections: number;
  seconds: number;
  requests: number;
  throughput: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  mix: string[];
}

export interface SizeResult {
  size: string;
  entities: number;
  generated: Pick<Sidecar, "lines" | "relationships" | "sanctions" | "sanctioned" | "schemata" | "edgeSchemata" | "degree" | "superNodes">;
  neo4j: { heap: string; pageCache: string };
  import: {
    seconds: number;
    wallSeconds: number;
    entities: number;
    relationships: number;
    sanctions: number;
    perSecond: number;
    entitiesPerSecond: number;
    relationshipsPerSecond: number;
    importerPeakMiB: number;
    neo4jPeakMiB: number;
    missingEnds: number;
  };
  /** The same file through the bulk importer (neo4j-admin), before the online import; absent when skipped or reused. */
  bulk?: BulkResult;
  latency: Row[];
  concurrent: ConcurrentResult;
  memory: { neo4jRssMiB: number; neo4jPeakMiB: number; apiRssMiB: number; apiPeakMiB: number };
}

async function importFile(file: string, uri: string, neo4jPid: number, log: (line: string) => void): Promise<SizeResult["import"]> {
  const started = performance.now();
  const { child, done } = run(["server/import/cli.ts", "ftm", file, "--json"], { ...process.env, NEO4J_URI: uri }, log);
  const importer = watchMemory(child.pid as number);
  const db = watchMemory(neo4jPid, 1000);
  const { code, stdout } = await done;
  const wallSeconds = (performance.now() - started) / 1000;
  const importerMemory = importer.stop();
  const dbMemory = db.stop();
  if (code !== 0) throw new Error(`import exited with ${code}: ${stdout.slice(-2000)}`);
  const summary = JSON.parse(stdout.slice(stdout.indexOf("{"))) as ImportSummary;
  const items = summary.entities + summary.relationships + summary.sanctions;
  return {
    seconds: summary.seconds,
    wallSeconds: round(wallSeconds),
    entities: summary.entities,
    relationships: summary.relationships,
    sanctions: summary.sanctions,
    perSecond: Math.round(items / summary.seconds),
    entitiesPerSecond: Math.round(summary.entities / summary.seconds),
    relationshipsPerSecond: Math.round(summary.relationships / summary.seconds),
    importerPeakMiB: Math.round(importerMemory.peak),
    neo4jPeakMiB: Math.round(dbMemory.peak),
    missingEnds: summary.missingEnds,
  };
}

/**
 * Ours (bench/scale/api-server.ts) or, with `peer`, the peer API (bench/peer), each a process of its own, with
 * NODE_ENV=production as the Docker image runs the API: graphql-js then skips its development-mode `instanceOf`
 * checks (in process, without a database, a super-node neighbourhood's 101 nodes and 100 edges took 1.0 ms instead
 * of 1.1-1.8 ms to resolve and serialise; docs/scale.md).
 */
async function startApi(
  uri: string,
  log: (line: string) => void,
  peer = false,
): Promise<{ url: string; child: ChildProcess; pid: number }> {
  const env = { ...process.env, NEO4J_URI: uri, NODE_ENV: "production" };
  const { child } = run(["bench/scale/api-server.ts", ...(peer ? ["--peer"] : [])], env, log);
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (d) => {
      buffer += d;
      if (buffer.includes("\n")) resolve(buffer.split("\n")[0]);
    });
    child.once("exit", (code) => reject(new Error(`API server exited with ${code}`)));
  });
  const { port } = JSON.parse(line) as { port: number };
  return { url: `http://127.0.0.1:${port}/graphql`, child, pid: child.pid as number };
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function concurrent(url: string, scenarios: Scenario[], seconds: number, connections: number): Promise<ConcurrentResult> {
  const mix = concurrentMix(scenarios);
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 20,
    requests: mix.map((s) => ({
      method: "POST" as const,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(s.graphql),
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"errors"')) graphqlErrors++;
      },
    })),
  });
  return {
    connections,
    seconds,
    requests: result.requests.total,
    throughput: round(result.requests.average),
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    mix: mix.map((s) => s.name),
  };
}

const round = (v: number) => Math.round(v * 100) / 100;

export async function runSize(size: string, options: ScaleOptions, previous?: SizeResult): Promise<SizeResult> {
  const { log } = options;
  const entities = parseSize(size);
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, `synthetic-${size}-seed${options.seed}.ftm.json`);
  let sidecar: Sidecar;
  if (existsSync(file) && existsSync(`${file}.targets.json`)) {
    sidecar = JSON.parse(readFileSync(`${file}.targets.json`, "utf8")) as Sidecar;
    log(`[${size}] using ${file}`);
  } else {
    log(`[${size}] generating ${entities} entities into ${file}`);
    sidecar = await generateFile(entities, options.seed, file, true);
  }
  const big = isBig(entities);
  const { heap, pageCache } = neo4jMemory(entities);
  const home = options.keep || options.reuse ? join(options.dataDir, `neo4j-${size}`) : undefined;
  const reuse = Boolean(options.reuse && previous && home && existsSync(join(home, "data")));
  if (home && !reuse) rmSync(home, { recursive: true, force: true });
  let bulk: BulkResult | undefined;
  if (!reuse && !options.skip?.includes("bulk")) {
    log(`[${size}] bulk load (neo4j-admin) of the same file`);
    bulk = await bulkLoad(file, options.dataDir, { heap, pageCache }, (l) => log(`[${size}] bulk: ${l}`));
    log(
      `[${size}] bulk-loaded: queryable after ${bulk.queryableSeconds} s (${bulk.queryableItemsPerSecond} items/s), ${bulk.seconds} s end to end, importer peak ${bulk.importerPeakMiB} MiB`,
    );
  }
  const neo4j = await startNeo4j({ home, heap, pageCache, log: (l) => log(`[${size}] ${l}`) });
  const graph = new Graph({ uri: neo4j.uri, user: "neo4j", password: "", database: "neo4j" });
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  let peer: Awaited<ReturnType<typeof startApi>> | undefined;
  try {
    let imported: SizeResult["import"];
    if (reuse && previous) {
      log(`[${size}] reusing the graph in ${home} (import numbers from the earlier run)`);
      imported = previous.import;
    } else {
      log(`[${size}] importing ${sidecar.lines} lines`);
      imported = await importFile(file, neo4j.uri, neo4j.pid, (l) => log(`[${size}] import: ${l}`));
    }
    log(`[${size}] imported in ${imported.seconds} s: ${imported.perSecond} items/s, importer peak ${imported.importerPeakMiB} MiB`);
    await awaitIndexes(graph, 600);

    api = await startApi(neo4j.uri, (l) => log(`[${size}] api: ${l}`));
    peer = await startApi(neo4j.uri, (l) => log(`[${size}] peer: ${l}`), true);
    const iterations = options.iterations ?? (big ? 50 : 100);
    const scenarios = await scaleScenarios(sidecar, graph);
    log(`[${size}] latency: ${scenarios.length} queries x ${iterations}`);
    const latency = await compare(graph, scenarios, iterations, {
      url: api.url,
      peerUrl: peer.url,
      budgetMs: big ? 20_000 : 10_000,
      tolerateErrors: true,
      driverTimeoutMs: 10_000,
    });
    for (const r of latency)
      log(
        `[${size}]   ${r.query}: ours p50 ${r.graphql.p50.toFixed(1)} ms, ${r.peer ? `peer p50 ${r.peer.p50.toFixed(1)} ms, ` : ""}driver p50 ${r.driver.p50.toFixed(1)} ms`,
      );
    // The concurrent run measures ours alone.
    await stopChild(peer.child);

    log(`[${size}] concurrent: ${options.connections} connections for ${options.duration} s`);
    const load = await concurrent(api.url, scenarios, options.duration, options.connections);
    log(
      `[${size}]   ${load.throughput} req/s, p99 ${load.latency.p99} ms, errors ${load.errors + load.non2xx + load.graphqlErrors + load.timeouts}`,
    );
    const db = memoryOf(neo4j.pid) ?? { rss: 0, peak: 0 };
    const server = memoryOf(api.pid) ?? { rss: 0, peak: 0 };
    const { lines, relationships, sanctions, sanctioned, schemata, edgeSchemata, degree, superNodes } = sidecar;
    return {
      size,
      entities,
      generated: { lines, relationships, sanctions, sanctioned, schemata, edgeSchemata, degree, superNodes },
      neo4j: { heap, pageCache },
      import: imported,
      ...(bulk ? { bulk } : {}),
      latency,
      concurrent: load,
      memory: {
        neo4jRssMiB: Math.round(db.rss),
        neo4jPeakMiB: Math.round(db.peak),
        apiRssMiB: Math.round(server.rss),
        apiPeakMiB: Math.round(server.peak),
      },
    };
  } finally {
    if (api) await stopChild(api.child);
    if (peer) await stopChild(peer.child);
    await graph.close();
    await neo4j.stop();
  }
}

export function machine() {
  return {
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? "cpu"}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
  };
}

export async function runScale(options: ScaleOptions): Promise<string> {
  const date = new Date().toISOString().slice(0, 10);
  const out = join(projectRoot, "bench", "results");
  mkdirSync(out, { recursive: true });
  const jsonFile = join(out, `scale-${date}.json`);
  const neo4jVersion = (await import("../../server/neo4j/runtime.ts")).NEO4J_VERSION;
  const versions = {
    neo4j: neo4jVersion,
    neo4jDriver: packageVersion("neo4j-driver"),
    graphqlYoga: packageVersion("graphql-yoga"),
    neo4jGraphql: packageVersion("@neo4j/graphql"),
    node: process.version,
  };
  let client: ClientResult | undefined;
  if (!options.skip?.includes("client")) {
    mkdirSync(options.dataDir, { recursive: true });
    options.log("client: 5,000 entities in headless Chromium (bench/client/render.ts)");
    client = await clientBench(options.dataDir, 5_000, (l) => options.log(`client: ${l}`));
  }
  for (const size of options.sizes) {
    const before = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, "utf8")).results as SizeResult[]) : [];
    const result = await runSize(
      size,
      options,
      before.find((r) => r.size === size),
    );
    // Merge into the day's file, so sizes can be run one at a time.
    const existing = existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, "utf8")) : { results: [] };
    const results = (existing.results as SizeResult[]).filter((r) => r.size !== size);
    results.push(result);
    results.sort((a, b) => a.entities - b.entities);
    const doc = {
      date,
      machine: machine(),
      versions,
      seed: options.seed,
      results,
      ...((client ?? existing.client) ? { client: client ?? existing.client } : {}),
    };
    writeFileSync(jsonFile, `${JSON.stringify(doc, null, 2)}\n`);
    writeFileSync(join(out, `scale-${date}.md`), scaleMarkdown(doc));
    options.log(`[${size}] results in ${jsonFile}`);
  }
  return jsonFile;
}

export const defaultDataDir = join(tmpdir(), "sanctions-graph-bench");
