/**
 * Applies dated list snapshots as deltas. A snapshot is compared, record by record (content hashes), with the
 * history's state on its date; only the records that differ are written: their entity data (when the snapshot
 * is the newest), their rebuilt timeline (versions, ADDED/REMOVED/AMENDED events, listing periods, link periods)
 * and the entity's "sanctioned now". Guards refuse, before anything is written, a snapshot that would delist more
 * than a share of the dataset at once.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Graph } from "../db/graph.ts";
import { appliedSnapshots, rebuildHistory, snapshotApplied, versionsAt, versionsOf } from "../db/queries/history.ts";
import { existingSchemata } from "../db/queries/imports.ts";
import { applySchema } from "../db/schema.ts";
import { OFAC_DATASET, ofacEntityId } from "../import/formats/ofac/common.ts";
import { OfacCsvImporter } from "../import/formats/ofac/csv.ts";
import { linkNameVariants, parseRemarks } from "../import/formats/ofac/remarks.ts";
import { type Progress, runImport, silentProgress } from "../import/pipeline.ts";
import { ImportInputError } from "../import/types.ts";
import { today } from "./dates.ts";
import { type RecordContent, readOfacSnapshot, type SnapshotRecord, snapshotDate } from "./snapshot.ts";
import { buildTimeline, contentAt, periodText, type Version } from "./timeline.ts";

export const DEFAULT_MAX_REMOVAL_SHARE = 0.1;
/** A snapshot that would delist more than the allowed share of its dataset at once. */
export class MassRemovalError extends ImportInputError {
  constructor(
    file: string,
    readonly removed: number,
    readonly listed: number,
    readonly share: number,
  ) {
    super(
      file,
      "",
      `would delist ${removed} of ${listed} records (${((100 * removed) / listed).toFixed(1)}%, more than the allowed ${Math.round(share * 100)}%); refused, nothing changed. If the list really shrank, re-run with --allow-mass-removal`,
    );
    this.name = "MassRemovalError";
  }
}

export interface SnapshotOptions {
  /** The snapshot date (YYYY-MM-DD); default: the date in the file name. */
  asOf?: string;
  /** Largest share of the listed records one snapshot may delist (default 0.1). */
  maxRemovalShare?: number;
  allowMassRemoval?: boolean;
  /** Records per write transaction of the history (default 500). */
  batchSize?: number;
  progress?: Progress;
  /** The schema is applied already (replay() applies it once for all its snapshots). */
  schemaReady?: boolean;
}

export interface SnapshotResult {
  file: string;
  dataset: string;
  date: string;
  records: number;
  /** Compared with the history's state on that date (the previous snapshot, or the same date re-applied). */
  added: number;
  removed: number;
  amended: number;
  /** The same file was applied before: nothing was written. */
  alreadyApplied: boolean;
  /** Older than the newest snapshot applied: placed in the history, entity data of "now" left alone. */
  late: boolean;
  seconds: number;
  /** Seconds per step: read (parse and hash the file), delta (compare with the history), entities, history. */
  steps: Record<string, number>;
  /** Changed records per second (added + removed + amended over the whole apply). */
  changesPerSecond: number;
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Links named in the record's remarks, as the record words them. */
const linksOf = (content: RecordContent) => parseRemarks(content.fields[10] ?? undefined).linkedTo.map((n) => n.replace(/\.$/, ""));

/**
 * The lines the OFAC importer needs to write the `written` records: theirs, and those of the other records whose
 * `Linked To` names one of them (their links to a record added now are written too). Every other name a link gives
 * is resolved against the OFAC records already in the graph, as for any import.
 */
function deltaRows(records: Map<string, SnapshotRecord>, written: Set<string>): string[] {
  const names = new Set([...written].map((id) => records.get(id)?.fields[0]).filter((n): n is string => !!n));
  const rows: string[] = [];
  for (const [id, record] of records) {
    if (written.has(id) || linksOf(record).some((target) => linkNameVariants(target).some((v) => names.has(v)))) rows.push(record.raw);
  }
  return rows;
}

export async function applySnapshot(graph: Graph, file: string, options: SnapshotOptions = {}): Promise<SnapshotResult> {
  const started = performance.now();
  const dataset = OFAC_DATASET;
  const progress = options.progress ?? silentProgress;
  const date = snapshotDate(file, options.asOf);
  // 1. Read and check the whole file: an empty, truncated or unparsable file fails here, before any write.
  const records = await readOfacSnapshot(file);
  const digest = sha256(file);
  if (!options.schemaReady) await applySchema(graph);
  const applied = await appliedSnapshots(graph, { dataset });
  let mark = started;
  /** Ends a timed step. */
  const step = (name: string) => {
    const now = performance.now();
    result.steps[name] = Math.round(now - mark) / 1000;
    mark = now;
  };
  const result: SnapshotResult = {
    file,
    dataset,
    date,
    records: records.size,
    added: 0,
    removed: 0,
    amended: 0,
    alreadyApplied: applied.some((s) => s.date === date && s.sha256 === digest),
    late: applied.some((s) => s.date > date),
    seconds: 0,
    steps: {},
    changesPerSecond: 0,
  };
  step("read");
  if (result.alreadyApplied) return finish(result, started);

  // 2. The delta against the history's state on that date.
  const state = new Map((await versionsAt(graph, { dataset, date })).map((r) => [r.recordId, r.hash]));
  const affected: string[] = [];
  const written = new Set<string>();
  for (const [id, content] of records) {
    const before = state.get(id);
    if (before === content.hash) continue;
    affected.push(id);
    written.add(id);
    if (before === undefined) result.added++;
    else result.amended++;
  }
  for (const id of state.keys()) {
    if (records.has(id)) continue;
    affected.push(id);
    result.removed++;
  }
  step("delta");
  const share = options.maxRemovalShare ?? DEFAULT_MAX_REMOVAL_SHARE;
  if (state.size && result.removed / state.size > share && !options.allowMassRemoval) {
    throw new MassRemovalError(file, result.removed, state.size, share);
  }

  // 3. Entity data: the newest snapshot states what is true now; a late one only adds parties the graph lacks.
  if (result.late && written.size) {
    const found = await existingSchemata(graph, { ids: [...written].map(ofacEntityId) });
    for (const r of found) written.delete(r.id.replace(/^ofac-/, ""));
  }
  if (written.size) {
    // The importer reads only the rows it writes or links (deltaRows), so this step costs what changed, not the list.
    const dir = mkdtempSync(join(tmpdir(), "history-delta-"));
    try {
      const delta = join(dir, basename(file));
      writeFileSync(delta, `${deltaRows(records, written).join("\n")}\n`);
      await runImport(graph, new OfacCsvImporter({ files: { sdn: delta }, graph, date, only: written }), { progress, schemaReady: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  step("entities");
  // 4. The rebuilt timeline of every affected record, in batches.
  const dates = [...new Set([...applied.map((s) => s.date), date])].sort();
  const batchSize = options.batchSize ?? 500;
  progress.phase("history", affected.length);
  for (let i = 0; i < affected.length; i += batchSize) {
    const ids = affected.slice(i, i + batchSize);
    const stored = new Map<string, Version[]>();
    for (const r of await versionsOf(graph, { dataset, ids })) {
      const list = stored.get(r.recordId) ?? [];
      list.push({ from: r.from, to: r.to, hash: r.hash, fields: JSON.parse(r.fields) });
      stored.set(r.recordId, list);
    }
    const rows = ids.map((id) => {
      const versions = stored.get(id) ?? [];
      const contents = dates.map((d) => (d === date ? records.get(id) : contentAt(versions, d)));
      const timeline = buildTimeline(dates, contents, linksOf);
      const last = timeline.periods.at(-1);
      return {
        recordId: id,
        entityId: ofacEntityId(id),
        sourceId: `ofac-sdn-${id}`,
        versions: timeline.versions.map((v) => ({ from: v.from, to: v.to, hash: v.hash, fields: JSON.stringify(v.fields) })),
        changes: timeline.changes.map((c) => ({ date: c.date, kind: c.kind, fields: JSON.stringify(c.fields) })),
        listings: timeline.periods.map((p) => `${dataset}|${periodText(p)}`),
        delistedOn: last?.to ?? null,
        links: [...timeline.links].map(([name, periods]) => ({ variants: linkNameVariants(name), periods: periods.map(periodText) })),
      };
    });
    await rebuildHistory(graph, { dataset, today: today(), rows });
    progress.tick(ids.length);
  }
  progress.done();
  step("history");
  await snapshotApplied(graph, {
    dataset,
    date,
    file: file.split(/[\\/]/).pop(),
    sha256: digest,
    records: records.size,
    appliedAt: new Date().toISOString(),
  });
  return finish(result, started);
}

function finish(result: SnapshotResult, started: number): SnapshotResult {
  const seconds = (performance.now() - started) / 1000;
  result.seconds = Math.round(seconds * 100) / 100;
  const changed = result.added + result.removed + result.amended;
  result.changesPerSecond = seconds > 0 ? Math.round(changed / seconds) : 0;
  return result;
}

/** The snapshot files of a folder (or the files given), in date order; a file without a date is refused up front. */
export function snapshotFiles(paths: string[], asOf?: string): { file: string; date: string }[] {
  const files = paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.toLowerCase().endsWith(".csv"))
          .map((f) => join(p, f))
      : [p],
  );
  if (asOf !== undefined && files.length !== 1) throw new Error("--as-of dates one snapshot; give exactly one file with it");
  return files.map((file) => ({ file, date: snapshotDate(file, asOf) })).sort((a, b) => a.date.localeCompare(b.date));
}

export interface ReplayOptions extends SnapshotOptions {
  /** Called after each snapshot (the CLI prints a line). */
  onSnapshot?: (result: SnapshotResult, index: number, total: number) => void;
}

/**
 * Applies snapshots in date order. Stops at the first refused snapshot (its error is thrown): the graph then
 * holds every snapshot before it, and a re-run after fixing or removing the file continues where it stopped.
 */
export async function replay(graph: Graph, paths: string[], options: ReplayOptions = {}): Promise<SnapshotResult[]> {
  const files = snapshotFiles(paths, options.asOf);
  const results: SnapshotResult[] = [];
  await applySchema(graph);
  for (const [index, { file, date }] of files.entries()) {
    const result = await applySnapshot(graph, file, { ...options, asOf: date, schemaReady: true });
    results.push(result);
    options.onSnapshot?.(result, index, files.length);
  }
  return results;
}
