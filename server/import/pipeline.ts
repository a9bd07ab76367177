import { readConfig } from "../config.ts";
import type { Graph } from "../db/graph.ts";
import { applySchema } from "../db/schema.ts";
import { GraphWriter, type MissingEnd } from "../db/writer.ts";
import { isA } from "../model/ftm.ts";
import type { EntityRecord, RelationshipRecord, SanctionRecord, SourceRecord } from "../model/records.ts";
import { RELATIONSHIP_TYPE_NAMES } from "../model/vocabulary.ts";
import type { IdentificationRecord, Importer, ImportItem, ImportSummary, MentionRecord, OtherRecord } from "./types.ts";

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
}

async function counts(graph: Graph): Promise<{ entities: number; relationships: number }> {
  const result = await graph.read<{ entities: number; relationships: number }>("import/counts", { types: RELATIONSHIP_TYPE_NAMES });
  const record = result.records[0];
  return { entities: record.get("entities"), relationships: record.get("relationships") };
}

class Batch {
  sources: SourceRecord[] = [];
  entities: EntityRecord[] = [];
  identifications: IdentificationRecord[] = [];
  sanctions: { record: SanctionRecord; ftm?: string }[] = [];
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
}

export async function runImport(graph: Graph, importer: Importer, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 2_000;
  const progress = options.progress ?? silentProgress;
  // 1. Read everything once: bad input fails here, before anything is written.
  await importer.check();
  const checked = performance.now();
  await applySchema(graph);
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
    if (batch.sources.length) await timed("sources", () => writer.sources(dedupe(batch.sources)));
    if (batch.entities.length) {
      const entities = await timed("refine", () => refineSchemata(graph, batch.entities));
      await timed("entities", () => writer.entities(entities));
    }
    if (batch.identifications.length) await graph.write("import/identifications", { rows: batch.identifications });
    if (batch.sanctions.length) {
      const ids = [...new Set(batch.sanctions.map((s) => s.record.entityId))];
      const found = await graph.read<{ id: string }>("import/existing-schemata", { ids });
      const present = new Set(found.records.map((r) => r.get("id")));
      for (const s of batch.sanctions) {
        if (present.has(s.record.entityId)) continue;
        summary.sanctions--;
        summary.missingEnds++;
        if (summary.missingExamples.length < 20)
          summary.missingExamples.push({ id: s.record.id, source: s.record.entityId, target: s.record.id });
      }
      await timed("sanctions", () => writer.sanctions(batch.sanctions.map((s) => s.record)));
      const ftm = batch.sanctions.filter((s) => s.ftm).map((s) => ({ id: s.record.id, ftm: s.ftm }));
      if (ftm.length) await graph.write("import/sanction-ftm", { rows: ftm });
    }
    if (batch.relationships.length) {
      const missing: MissingEnd[] = await timed("relationships", () => writer.relationships(batch.relationships));
      summary.missingEnds += missing.length;
      for (const m of missing.slice(0, Math.max(0, 20 - summary.missingExamples.length))) {
        summary.missingExamples.push({ id: m.id, source: m.source, target: m.target });
      }
      summary.relationships += batch.relationships.length - missing.length;
    }
    if (batch.mentions.length) await graph.write("import/mentions", { rows: batch.mentions });
    if (batch.others.length) await graph.write("import/others", { rows: batch.others });
    summary.sources += batch.sources.length;
    summary.entities += batch.entities.length;
    summary.identifications += batch.identifications.length;
    summary.others += batch.others.length;
    summary.sanctions += batch.sanctions.length;
    for (const m of batch.mentions) summary[m.status]++;
    progress.tick(batch.size);
  };

  const phases = importer.phases();
  const expected = importer.expected?.() ?? [];
  for (const [index, phase] of phases.entries()) {
    const phaseStarted = performance.now();
    progress.phase(index === 0 ? "records" : "links", expected[index]);
    let batch = new Batch();
    for await (const item of phase()) {
      batch.add(item);
      if (batch.size >= batchSize) {
        await flush(batch);
        batch = new Batch();
      }
    }
    await flush(batch);
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

function dedupe<T extends { id: string }>(records: T[]): T[] {
  const byId = new Map<string, T>();
  for (const r of records) byId.set(r.id, r);
  return [...byId.values()];
}

/** Keeps a more specific schema already in the graph (the seed's PublicBody over OFAC's Organization). */
async function refineSchemata(graph: Graph, entities: EntityRecord[]): Promise<EntityRecord[]> {
  const result = await graph.read<{ id: string; schema: string }>("import/existing-schemata", { ids: entities.map((e) => e.id) });
  if (!result.records.length) return entities;
  const existing = new Map(result.records.map((r) => [r.get("id"), r.get("schema")]));
  return entities.map((e) => {
    const current = existing.get(e.id);
    if (current && current !== e.schema && isA(current, e.schema)) return { ...e, schema: current };
    return e;
  });
}
