/**
 * What a history delta costs against the size of the list (docs/history.md, "Measured"): a snapshot of `size`
 * records is applied, then deltas that amend `changed` records each (their `title` cell rewritten, nothing else).
 * The deltas are made from a real OFAC snapshot, so every record and link is real; the amended cell is marked.
 * Reported per delta: seconds in all and per step (read, delta, entities, history) and changed records per second.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Graph } from "../server/db/graph.ts";
import { emptyDatabase } from "../server/db/schema.ts";
import { applySnapshot, type SnapshotResult } from "../server/history/replay.ts";

export interface DeltaCost {
  size: number;
  changed: number;
  seconds: number;
  changesPerSecond: number;
  steps: Record<string, number>;
}

const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

/** The first `size` records of an sdn.csv, and `deltas.length` later copies, each amending `n` more records. */
function snapshots(source: string, size: number, deltas: number[]): string[] {
  const lines = readFileSync(source, "latin1").replaceAll("\x1a", "").split(/\r?\n/).filter(Boolean).slice(0, size);
  const dir = mkdtempSync(join(tmpdir(), "history-delta-"));
  const files = [join(dir, "sdn_2030-01-01.csv")];
  writeFileSync(files[0], `${lines.join("\n")}\n`, "latin1");
  let amended = 0;
  deltas.forEach((n, i) => {
    for (let k = 0; k < n; k++, amended++) {
      // Spread over the list: record i * step, so each delta touches records all along the file.
      const index = Math.floor(((amended * 7919) % lines.length) + 0);
      const [cells] = parse(lines[index], { relax_column_count: true }) as string[][];
      cells[4] = `bench amendment ${amended}`;
      lines[index] = cells.map(quote).join(",");
    }
    const file = join(dir, `sdn_2030-01-${String(i + 2).padStart(2, "0")}.csv`);
    writeFileSync(file, `${lines.join("\n")}\n`, "latin1");
    files.push(file);
  });
  return files;
}

/** Applies a list of `size` records to an empty database, then deltas of `changed` amended records each. */
export async function benchDeltaCost(graph: Graph, source: string, size: number, changed: number[]): Promise<DeltaCost[]> {
  await emptyDatabase(graph); // the bench's own database
  const [base, ...deltas] = snapshots(source, size, changed);
  const first = await applySnapshot(graph, base);
  const out = [row(first)];
  for (const file of deltas) out.push(row(await applySnapshot(graph, file, { schemaReady: true })));
  return out;
}

function row(r: SnapshotResult): DeltaCost {
  return {
    size: r.records,
    changed: r.added + r.removed + r.amended,
    seconds: r.seconds,
    changesPerSecond: r.changesPerSecond,
    steps: r.steps,
  };
}

export function deltaTable(rows: DeltaCost[]): string {
  return [
    "| list size | changed records | seconds | changed records/s | steps (s) |",
    "|---:|---:|---:|---:|---|",
    ...rows.map(
      (r) =>
        `| ${r.size} | ${r.changed} | ${r.seconds} | ${r.changesPerSecond} | ${Object.entries(r.steps)
          .map(([k, v]) => `${k} ${v.toFixed(1)}`)
          .join(", ")} |`,
    ),
  ].join("\n");
}
