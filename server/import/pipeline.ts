import { readConfig } from "../config.ts";
import type { Graph } from "../db/graph.ts";
import { graphCounts } from "../db/queries/imports.ts";
import { applySchema } from "../db/schema.ts";
import { GraphWriter, type MissingEnd, type SanctionWrite } from "../db/writer.ts";
import type { EntityRecord, IdentificationRecord, MentionRecord, OtherRecord, RelationshipRecord, SourceRecord } from "../model/records.ts";
import { readAhead, Writes } from "./overlap.ts";
import type { Importer, ImportItem, ImportSummary } from "./types.ts";

export interface Progress {
  /** A phase starts; `total` is the number of items expected, when the reader knows it. */
  phase(name: string, total?: number): void;
  tick(items: number): void;
  done(): void;
}

export const silentProgress: Progress = { phase() {}, tick() {}, done() {} };

export interface ImportOptions {
  batchSize?: number;
  progress?: Progress;
  /** The caller applied the schema already (a replay of many snapshots applies it once). */
  schemaReady?: boolean;
}

async function counts(graph: Graph): Promise<{ entities: number; relationships: number }> {
  const [row] = await graphCounts(graph, {});
  return row;
}

class Batch {
  sources: SourceRecord[] = [];
  entities: EntityRecord[] = [];
  identifications: IdentificationRecord[] = [];
  sanctions: SanctionWrite[] = [];
  relationships: RelationshipRecord[] = [];
  mentions: MentionRecord[] = [];
  others: OtherRecord[] = [];
  size = 0;

  add(item: ImportItem) {
    this.size++;
    switch (item.kind) {
      case "source":
        this.sources.push(item.record);
        break;
      case "entity":
        this.entities.push(item.record);
        break;
      case "identification":
        this.identifications.push(item.record);
        break;
      case "sanction":
        this.sanctions.push({ record: item.record, ftm: item.ftm });
        break;
      case "relationship":
        this.relationships.push(item.record);
        break;
      case "mention":
        this.mentions.push(item.record);
        break;
      case "other":
        this.others.push(item.record);
        break;
    }
  }

  /** The entity ids of a batch of nodes only (sources and entities), which may be written beside other such batches. */
  nodeIds(): ReadonlySet<string> | undefined {
    if (this.sources.length + this.entities.length !== this.size) return undefined;
    return new Set(this.entities.map((e) => e.id));
  }
}

/** A phase's items in batches of `size`. */
async function* batches(items: AsyncIterable<ImportItem>, size: number): AsyncGenerator<Batch> {
  let batch = new Batch();
  for await (const item of items) {
    batch.add(item);
    if (batch.size >= size) {
      yield batch;
      batch = new Batch();
    }
  }
  if (batch.size) yield batch;
}

/** Batches read ahead of the writes. */
const READ_AHEAD = 4;
/** Batches of distinct nodes written at once (two cores: the database's and ours). */
const CONCURRENT_NODE_BATCHES = 2;

export async function runImport(graph: Graph, importer: Importer, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 2_000;
  const progress = options.progress ?? silentProgress;
  // 1. Read everything once: bad input fails here, before anything is written.
  await importer.check();
  const checked = performance.now();
  if (!options.schemaReady) await applySchema(graph);
  const before = await counts(graph);
  const writer = new GraphWriter(graph);
  const summary: ImportSummary = {
    format: importer.format,
    files: importer.files,
    entities: 0,
    relationships: 0,
    sanctions: 0,
    sources: 0,
    identifications: 0,
    others: 0,
    unresolved: 0,
    ambiguous: 0,
    missingEnds: 0,
    missingExamples: [],
    created: { entities: 0, relationships: 0 },
    updated: { entities: 0, relationships: 0 },
    notes: {},
    seconds: 0,
    phaseSeconds: [Math.round(checked - started) / 1000],
  };

  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = (timings[name] ?? 0) + performance.now() - t;
    }
  };
  const flush = async (batch: Batch) => {
    if (!batch.size) return;
    const missing = (ends: MissingEnd[]) => {
      summary.missingEnds += ends.length;
      for (const m of ends.slice(0, Math.max(0, 20 - summary.missingExamples.length)))
        summary.missingExamples.push({ id: m.id, source: m.source, target: m.target });
      return ends.length;
    };
    // Source nodes are written by nothing else: beside the batch's other writes.
    const [, [sanctionsMissing, relationshipsMissing]] = await Promise.all([
      timed("sources", () => writer.sources(dedupe(batch.sources))),
      (async () => {
        // With their match keys: the batch's new names become searchable and matchable.
        await timed("entities", () => writer.entities(batch.entities));
        await timed("identifications", () => writer.identifications(batch.identifications));
        const sanctions = missing(await timed("sanctions", () => writer.sanctions(batch.sanctions)));
        const relationships = missing(await timed("relationships", () => writer.relationships(batch.relationships)));
        await timed("mentions", () => writer.mentions(batch.mentions));
        await timed("others", () => writer.others(batch.others));
        return [sanctions, relationships];
      })(),
    ]);
    summary.relationships += batch.relationships.length - relationshipsMissing;
    summary.sanctions += batch.sanctions.length - sanctionsMissing;
    summary.sources += batch.sources.length;
    summary.entities += batch.entities.length;
    summary.identifications += batch.identifications.length;
    summary.others += batch.others.length;
    for (const m of batch.mentions) summary[m.status]++;
    progress.tick(batch.size);
  };

  for (const phase of importer.phases()) {
    const phaseStarted = performance.now();
    progress.phase(phase.name, phase.expected);
    // Reading (parsing, mapping) runs ahead of the writes; batches of distinct nodes are written side by side,
    // everything else in order, after the writes before it.
    const writes = new Writes(CONCURRENT_NODE_BATCHES);
    for await (const batch of readAhead(batches(phase.items(), batchSize), READ_AHEAD)) {
      await writes.start(() => flush(batch), batch.nodeIds());
    }
    await writes.all();
    summary.phaseSeconds.push(Math.round(performance.now() - phaseStarted) / 1000);
  }
  progress.done();
  if (readConfig().importProfile)
    process.stderr.write(`timings (ms): ${JSON.stringify(timings, (_, v) => (typeof v === "number" ? Math.round(v) : v))}\n`);

  const after = await counts(graph);
  summary.created = { entities: after.entities - before.entities, relationships: after.relationships - before.relationships };
  summary.updated = {
    entities: Math.max(0, summary.entities - summary.created.entities),
    relationships: Math.max(0, summary.relationships - summary.created.relationships),
  };
  summary.notes = importer.notes?.() ?? {};
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  return summary;
}

/**
 * One row per source id, merged as `SET s += row` merges rows (cypher/write/sources.cypher): later values win, a
 * field a later record lacks keeps the earlier value. So a source read twice gives the same node whether its two
 * records fall in one batch or two (and in the bulk import, server/import/bulk/csv.ts).
 */
function dedupe(records: SourceRecord[]): SourceRecord[] {
  const byId = new Map<string, SourceRecord>();
  for (const r of records) {
    const defined = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
    byId.set(r.id, { ...byId.get(r.id), ...defined } as SourceRecord);
  }
  return [...byId.values()];
}
