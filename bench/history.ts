/**
 * The list-history part of `npm run bench`: replays dated OFAC snapshots into an empty database and reports the
 * replay's time and, per delta, the records changed per second; checks the counts against a plain diff of the files.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { Graph } from "../server/db/graph.ts";
import { emptyDatabase } from "../server/db/schema.ts";
import { replay, type SnapshotResult } from "../server/history/replay.ts";
import { startNeo4j } from "../server/neo4j/launcher.ts";
import { projectRoot } from "../server/paths.ts";
import { csvChanges } from "../tests/history/csv-diff.ts";
import { benchDeltaCost, type DeltaCost, deltaTable } from "./history-delta.ts";

export interface HistoryBench {
  files: string[];
  seconds: number;
  snapshots: SnapshotResult[];
  refused?: string;
  /** Whether the ADDED/REMOVED/AMENDED counts of every delta equal those of a plain diff of the CSV files. */
  matchesCsvDiff: boolean;
}

export async function benchHistory(graph: Graph, paths: string[]): Promise<HistoryBench> {
  await emptyDatabase(graph); // the bench's own database
  const snapshots: SnapshotResult[] = [];
  const started = performance.now();
  let refused: string | undefined;
  try {
    await replay(graph, paths, { onSnapshot: (r) => snapshots.push(r) });
  } catch (error) {
    refused = (error as Error).message;
  }
  const seconds = Math.round(performance.now() - started) / 1000;
  const expected = csvChanges(snapshots.map((s) => s.file));
  const matchesCsvDiff = snapshots.every((s) => {
    const e = expected[s.date];
    return e && s.added === e.ADDED.length && s.removed === e.REMOVED.length && s.amended === e.AMENDED.length;
  });
  return { files: paths, seconds, snapshots, refused, matchesCsvDiff };
}

export function historyTable(b: HistoryBench): string {
  const rows = b.snapshots.map((s) => {
    const changed = s.added + s.removed + s.amended;
    const steps = Object.entries(s.steps)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(", ");
    return `| ${s.date} | ${s.records} | ${s.added} | ${s.removed} | ${s.amended} | ${s.seconds} | ${changed ? s.changesPerSecond : "-"} | ${steps} |`;
  });
  return [
    `Replay of ${b.snapshots.length} snapshots in ${b.seconds} s; counts ${b.matchesCsvDiff ? "match" : "DO NOT match"} a plain diff of the files.${b.refused ? ` Refused: ${b.refused}` : ""}`,
    "",
    "| snapshot | records | added | removed | amended | seconds | changed records/s | steps (s) |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    ...rows,
  ].join("\n");
}

/** The extract of the real snapshots committed for tests; the replay's default. */
export const HISTORY_EXTRACT = join(projectRoot, "tests", "fixtures", "ofac-history");
/** The real snapshot the delta-cost measurement is cut from (the shared data beside the repository). */
const REAL_SDN = join(projectRoot, "..", "shared", "data", "real", "ofac", "sdn_2024-05-03.csv");

/**
 * The history part of `npm run bench` (bench/results/history.{md,json}): the replay of `paths`, then what a delta
 * costs against the list's size: the extract's last snapshot (a small list) with deltas of 10 and 100 amended
 * records, and the first `largeSize` records of the real sdn_2024-05-03.csv with deltas of 10, 100 and 1,000.
 * Returns whether the replay's counts match a plain diff of the files.
 */
export async function historyReport(graph: Graph, paths: string[], machine: string, largeSize = 10_000): Promise<boolean> {
  const history = await benchHistory(graph, paths);
  // A first delta compiles the importer's query plans (seconds on a busy machine): one untimed run before measuring.
  await benchDeltaCost(graph, join(HISTORY_EXTRACT, "sdn_2024-05-03.csv"), 100_000, [10]);
  const costs: DeltaCost[] = await benchDeltaCost(graph, join(HISTORY_EXTRACT, "sdn_2024-05-03.csv"), 100_000, [10, 100]);
  if (existsSync(REAL_SDN)) costs.push(...(await benchDeltaCost(graph, REAL_SDN, largeSize, [10, 100, 1000])));
  const date = new Date().toISOString().slice(0, 10);
  const md = `${historyTable(history)}\n\nWhat a delta costs against the size of the list (amended records; the first line of each list is its first snapshot):\n\n${deltaTable(costs)}`;
  const out = join(projectRoot, "bench", "results");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "history.json"), `${JSON.stringify({ date, machine, ...history, deltaCost: costs }, null, 2)}\n`);
  writeFileSync(join(out, "history.md"), `# List history benchmark (${date})\n\n${machine}; ${history.files.join(", ")}\n\n${md}\n`);
  console.log(`${md}\n`);
  return history.matchesCsvDiff;
}

/** `npm run bench -- --history-only [--history a,b] [--delta-size 10000]`: only the history part, on its own Neo4j. */
export async function runHistoryOnly(paths: string[], largeSize: number): Promise<boolean> {
  const neo4j = await startNeo4j({ log: (l) => console.error(l) });
  const graph = new Graph({ uri: neo4j.uri, user: "neo4j", password: "", database: "neo4j" });
  try {
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Neo4j ${neo4j.version}`;
    return await historyReport(graph, paths, machine, largeSize);
  } finally {
    await graph.close();
    await neo4j.stop();
  }
}
