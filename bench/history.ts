/**
 * The list-history part of `npm run bench`: replays dated OFAC snapshots into an empty database and reports the
 * replay's time and, per delta, the records changed per second; checks the counts against a plain diff of the files.
 */
import type { Graph } from "../server/db/graph.ts";
import { emptyDatabase } from "../server/db/schema.ts";
import { replay, type SnapshotResult } from "../server/history/replay.ts";
import { csvChanges } from "../tests/history/csv-diff.ts";

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
