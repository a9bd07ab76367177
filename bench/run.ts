import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Graph } from "../server/db/graph.ts";
import { hubs } from "../server/db/queries/exposure.ts";
import { applySchema } from "../server/db/schema.ts";
import { startNeo4j } from "../server/neo4j/launcher.ts";
import { projectRoot } from "../server/paths.ts";
import { loadSeed } from "../server/seed.ts";
import { compare, markdownTable } from "./api-vs-driver.ts";
import { HISTORY_EXTRACT, historyReport, runHistoryOnly } from "./history.ts";
import { createPeerServer } from "./peer/server.ts";
import { PEER_MAX_HOPS } from "./peer/type-defs.ts";
import { packageVersion } from "./scale/proc.ts";
import {
  entityScenario,
  exposureScenario,
  matchScenario,
  metadataScenario,
  neighbourhoodScenario,
  ownershipScenario,
  pathsScenario,
  searchScenario,
  shortestPathsScenario,
} from "./scenarios.ts";

/**
 * `npm run bench`: every query of the contract on the seed, GraphQL over HTTP beside the bare driver and, for the
 * operations it has, the peer API (@neo4j/graphql over the same Neo4j, bench/peer), all three in this process.
 * Starts its own Neo4j on a fresh data directory, so it never touches your data.
 * Then the list history: a replay of dated OFAC snapshots (default: the extract in tests/fixtures/ofac-history;
 * `--history ../shared/data/real/ofac/history,../shared/data/real/ofac/sdn_2024-05-03.csv` for the real ones) and
 * what a delta costs against the list's size (bench/history-delta.ts); `--history-only` runs just that part.
 * `npm run bench -- --sizes 10k,100k,1m`: the scale benchmark on generated networks instead (bench/scale/run.ts), with
 * the bulk load and the client in Chromium (`--skip bulk,client` leaves them out).
 * `npm run bench -- --abuse [--duration 60 --connections 50]`: normal requests beside 1% hostile ones (bench/abuse.ts).
 * `npm run bench -- --matching`: the name-matching evaluation on the real lists (bench/matching/run.ts).
 */
const { values } = parseArgs({
  options: {
    iterations: { type: "string" },
    sizes: { type: "string" },
    seed: { type: "string", default: "53" },
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "50" },
    "data-dir": { type: "string" },
    keep: { type: "boolean" },
    reuse: { type: "boolean" },
    abuse: { type: "boolean" },
    matching: { type: "boolean" },
    history: { type: "string" },
    "history-only": { type: "boolean" },
    "delta-size": { type: "string", default: "10000" },
    skip: { type: "string" },
  },
});

if (values.matching) {
  const { runMatchingBench } = await import("./matching/run.ts");
  const { report, file } = await runMatchingBench();
  console.log(JSON.stringify(report, null, 2));
  console.log(`Results: ${file}`);
  process.exit(0);
}

if (values.abuse) {
  const { runAbuse } = await import("./abuse.ts");
  console.log(await runAbuse({ seconds: Number(values.duration), connections: Number(values.connections) }));
  process.exit(0);
}

if (values.sizes) {
  const { defaultDataDir, runScale } = await import("./scale/run.ts");
  const file = await runScale({
    sizes: values.sizes
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    seed: Number(values.seed),
    iterations: values.iterations ? Number(values.iterations) : undefined,
    duration: Number(values.duration),
    connections: Number(values.connections),
    dataDir: values["data-dir"] ?? defaultDataDir,
    keep: values.keep,
    reuse: values.reuse,
    skip: values.skip?.split(","),
    log: (line) => console.error(line),
  });
  console.log(`Results: ${file} (and .md)`);
  process.exit(0);
}
const historyPaths = (values.history ?? HISTORY_EXTRACT).split(",");
if (values["history-only"]) process.exit((await runHistoryOnly(historyPaths, Number(values["delta-size"]))) ? 0 : 1);

const iterations = Number(values.iterations ?? "200");

const neo4j = await startNeo4j({ log: (l) => console.error(l) });
const graph = new Graph({ uri: neo4j.uri, user: "neo4j", password: "", database: "neo4j" });
const peer = await createPeerServer(graph.driver, graph.database);
try {
  await applySchema(graph);
  await loadSeed(graph);
  await new Promise<void>((resolve) => peer.listen(0, "127.0.0.1", resolve));
  const peerUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}/graphql`;
  const [hub] = await hubs(graph, { first: 1, candidates: 1, schemata: null, at: null });
  const rows = await compare(
    graph,
    [
      entityScenario("ofac-52262"),
      searchScenario("Son Kyong-sik"),
      neighbourhoodScenario("ofac-52289", "neighbourhood (normal node)"),
      neighbourhoodScenario(hub.entity.id, `neighbourhood (most connected: ${hub.degree} links)`),
      shortestPathsScenario("ofac-52264", "ofac-52289", PEER_MAX_HOPS),
      pathsScenario("ofac-52264", "ofac-52289", 4),
      metadataScenario(),
      exposureScenario("ofac-52264"),
      await ownershipScenario(graph, "ofac-52282", "EU_50"),
      matchScenario("Son Kyong Sik"),
    ],
    iterations,
    { peerUrl },
  );
  const table = markdownTable(rows);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Neo4j ${neo4j.version}, neo4j-driver ${packageVersion("neo4j-driver")}, graphql-yoga ${packageVersion("graphql-yoga")}, @neo4j/graphql ${packageVersion("@neo4j/graphql")}`;
  const out = join(projectRoot, "bench", "results");
  mkdirSync(out, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(join(out, "seed.json"), `${JSON.stringify({ date, machine, iterations, rows }, null, 2)}\n`);
  writeFileSync(
    join(out, "seed.md"),
    `# Seed benchmark (${date})\n\n${machine}; ${iterations} runs per query after warm-up. Ours: this API; peer: @neo4j/graphql on the same Neo4j (bench/peer, docs/scale.md); driver: the same Cypher as ours on the bare driver.\n\n${table}\n`,
  );
  console.log(`\n${machine}; ${iterations} runs per query\n\n${table}\n`);
  if (!(await historyReport(graph, historyPaths, machine, Number(values["delta-size"])))) process.exitCode = 1;
} finally {
  peer.close();
  await graph.close();
  await neo4j.stop();
}
