import { COUNTRY_PROPERTIES, NAME_PROPERTIES } from "../model/properties.ts";
import type { EntityRecord, RelationshipRecord, SanctionRecord, SourceRecord } from "../model/records.ts";
import { isSchema, relationshipType } from "../model/vocabulary.ts";
import type { Graph } from "./graph.ts";

export class InvalidRecordError extends Error {}

export interface MissingEnd {
  id: string;
  source: string;
  target: string;
  sourceMissing: boolean;
  targetMissing: boolean;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].map((v) => v.trim()).filter(Boolean))];
}

/** Entity record -> the row write/entities.cypher expects: FtM lists verbatim plus the derived name, aliases, countries. */
export function entityRow(record: EntityRecord) {
  if (!isSchema(record.schema)) throw new InvalidRecordError(`Entity ${record.id}: unknown schema "${record.schema}"`);
  const names = unique(NAME_PROPERTIES.flatMap((p) => record.properties[p] ?? []));
  const name = record.properties.name?.[0]?.trim();
  if (!name) throw new InvalidRecordError(`Entity ${record.id}: no name`);
  const lists: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(record.properties)) {
    const clean = unique(values);
    if (clean.length) lists[key === "name" ? "names" : key] = clean;
  }
  lists.aliases = names.filter((n) => n !== name);
  lists.countries = unique(COUNTRY_PROPERTIES.flatMap((p) => record.properties[p] ?? []).map((c) => c.toLowerCase()));
  lists.topics = unique(record.properties.topics ?? []);
  lists.sourceIds = unique(record.sourceIds);
  lists.datasets = unique(record.datasets ?? []);
  const referents = unique(record.referents ?? []);
  if (referents.length) lists.referents = referents;
  return { id: record.id, schema: record.schema, name, lists, referents, sanctioned: record.sanctioned === true, seen: record.seen ?? {} };
}

export function relationshipRow(record: RelationshipRecord) {
  const def = relationshipType(record.type);
  if (!def) throw new InvalidRecordError(`Relationship ${record.id}: unknown type "${record.type}"`);
  const props: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(record.properties ?? {})) props[key] = unique(values);
  for (const key of ["role", "startDate", "endDate"] as const) if (record[key]) props[key] = record[key];
  return {
    id: record.id,
    type: record.type,
    directed: def.directed,
    source: record.source,
    target: record.target,
    props,
    sourceIds: unique(record.sourceIds),
    datasets: unique(record.datasets ?? []),
    referents: unique(record.referents ?? []),
    seen: record.seen ?? {},
  };
}

export function sanctionRow({ id, entityId, sourceIds, ...props }: SanctionRecord) {
  return {
    id,
    entityId,
    sourceIds: unique(sourceIds),
    props: Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)),
  };
}

/** Batched, idempotent writes: every statement is a MERGE keyed by the record's id. */
export class GraphWriter {
  constructor(private readonly graph: Graph) {}

  async sources(records: SourceRecord[]): Promise<void> {
    if (records.length)
      await this.graph.write("write/sources", {
        rows: records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))),
      });
  }

  async entities(records: EntityRecord[]): Promise<void> {
    if (records.length) await this.graph.write("write/entities", { rows: records.map(entityRow) });
  }

  /** Writes the relationships whose two ends exist and returns those whose ends do not. */
  async relationships(records: RelationshipRecord[]): Promise<MissingEnd[]> {
    if (!records.length) return [];
    const result = await this.graph.write<MissingEnd & Record<string, unknown>>("write/relationships", {
      rows: records.map(relationshipRow),
    });
    return result.records.map((r) => r.toObject() as MissingEnd);
  }

  async sanctions(records: SanctionRecord[]): Promise<void> {
    if (records.length) await this.graph.write("write/sanctions", { rows: records.map(sanctionRow) });
  }
}
