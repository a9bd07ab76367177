import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Graph } from "./db/graph.ts";
import { GraphWriter } from "./db/writer.ts";
import type { EntityRecord, RelationshipRecord, SanctionRecord, SourceRecord } from "./model/records.ts";
import { seedsDir } from "./paths.ts";

export interface SeedFile {
  description?: string;
  sources: SourceRecord[];
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  sanctions: SanctionRecord[];
}

export function readSeeds(dir = seedsDir): { file: string; seed: SeedFile }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, seed: JSON.parse(readFileSync(join(dir, file), "utf8")) as SeedFile }));
}

/**
 * Checks that every fact in a seed cites a source the seed defines, and that every relationship's ends exist.
 * Returns the problems found, one line each.
 */
export function checkSeed({ sources, entities, relationships, sanctions }: SeedFile): string[] {
  const sourceIds = new Set(sources.map((s) => s.id));
  const entityIds = new Set(entities.map((e) => e.id));
  const problems: string[] = [];
  for (const fact of [...entities, ...relationships, ...sanctions]) {
    if (!fact.sourceIds.length) problems.push(`${fact.id} cites no source`);
    for (const id of fact.sourceIds) if (!sourceIds.has(id)) problems.push(`${fact.id} cites unknown source ${id}`);
  }
  for (const r of relationships) {
    for (const end of [r.source, r.target]) if (!entityIds.has(end)) problems.push(`relationship ${r.id} points at unknown entity ${end}`);
  }
  for (const s of sanctions) if (!entityIds.has(s.entityId)) problems.push(`sanction ${s.id} is on unknown entity ${s.entityId}`);
  return problems;
}

/** Loads every seeds/*.json file. Idempotent: every write is a MERGE on the record's id. */
export async function loadSeed(graph: Graph, dir = seedsDir): Promise<{ entities: number; relationships: number; sanctions: number }> {
  const writer = new GraphWriter(graph);
  const counts = { entities: 0, relationships: 0, sanctions: 0 };
  for (const { file, seed } of readSeeds(dir)) {
    const problems = checkSeed(seed);
    if (problems.length) throw new Error(`seeds/${file} is inconsistent:\n  ${problems.join("\n  ")}`);
    await writer.sources(seed.sources);
    await writer.entities(seed.entities);
    await writer.relationships(seed.relationships);
    await writer.sanctions(seed.sanctions.map((record) => ({ record })));
    counts.entities += seed.entities.length;
    counts.relationships += seed.relationships.length;
    counts.sanctions += seed.sanctions.length;
  }
  return counts;
}
