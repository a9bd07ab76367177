import { nameKeys, writeMatchKeys } from "../matching/keys.ts";
import { isA } from "../model/ftm.ts";
import { COUNTRY_PROPERTIES, NAME_PROPERTIES } from "../model/properties.ts";
import type {
  EntityRecord,
  IdentificationRecord,
  MentionRecord,
  OtherRecord,
  RelationshipRecord,
  SanctionRecord,
  SourceRecord,
} from "../model/records.ts";
import { isSchema, relationshipType, SCHEMATA } from "../model/vocabulary.ts";
import {
  existingSchemata,
  type MissingEnd,
  writeEntities,
  writeIdentifications,
  writeMentions,
  writeOthers,
  writeRelationships,
  writeSanctions,
  writeSources,
} from "./queries/imports.ts";
import type { Runner } from "./queries/query.ts";

export type { MissingEnd };

export class InvalidRecordError extends Error {}

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].map((v) => v.trim()).filter(Boolean))];
}

/**
 * The lists that hold something. An empty list is never stored: a list property is absent or holds values, in both
 * importers (Neo4j's offline importer cannot store an empty list; server/import/bulk), and readers take absent as [].
 */
export function nonEmpty<T>(lists: Record<string, T[]>): Record<string, T[]> {
  return Object.fromEntries(Object.entries(lists).filter(([, values]) => values.length > 0));
}

/** Entity record -> the row write/entities.cypher expects: FtM lists verbatim plus the derived name, aliases, countries. */
export function entityRow(record: EntityRecord) {
  if (!isSchema(record.schema)) throw new InvalidRecordError(`Entity ${record.id}: unknown schema "${record.schema}"`);
  const names = unique(NAME_PROPERTIES.flatMap((p) => record.properties[p] ?? []));
  const name = record.properties.name?.[0]?.trim();
  if (!name) throw new InvalidRecordError(`Entity ${record.id}: no name`);
  const lists = nonEmpty({
    ...Object.fromEntries(Object.entries(record.properties).map(([key, values]) => [key === "name" ? "names" : key, unique(values)])),
    aliases: names.filter((n) => n !== name),
    countries: unique(COUNTRY_PROPERTIES.flatMap((p) => record.properties[p] ?? []).map((c) => c.toLowerCase())),
    topics: unique(record.properties.topics ?? []),
    sourceIds: unique(record.sourceIds),
    datasets: unique(record.datasets ?? []),
    referents: unique(record.referents ?? []),
  });
  const referents = lists.referents ?? [];
  return { id: record.id, schema: record.schema, name, lists, referents, sanctioned: record.sanctioned === true, seen: record.seen ?? {} };
}

export function relationshipRow(record: RelationshipRecord) {
  const def = relationshipType(record.type);
  if (!def) throw new InvalidRecordError(`Relationship ${record.id}: unknown type "${record.type}"`);
  const props: Record<string, unknown> = {};
  Object.assign(props, nonEmpty(Object.fromEntries(Object.entries(record.properties ?? {}).map(([key, values]) => [key, unique(values)]))));
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

/** Identification record -> the row import/identifications.cypher expects: its FtM properties that hold values. */
export function identificationRow(record: IdentificationRecord): IdentificationRecord {
  return { ...record, properties: nonEmpty(record.properties) };
}

export function sanctionRow({ id, entityId, sourceIds, ...props }: SanctionRecord, ftm?: string) {
  return {
    id,
    entityId,
    sourceIds: unique(sourceIds),
    props: Object.fromEntries(Object.entries({ ...props, ftm }).filter(([, v]) => v !== undefined)),
  };
}

/** A sanction to write; `ftm` keeps the FtM Sanction entity as read (JSON) so that an export gives it back unchanged. */
export interface SanctionWrite {
  record: SanctionRecord;
  ftm?: string;
}

/** Per schema, the schemata of the vocabulary more specific than it (PublicBody for Organization). */
const NARROWER = new Map(SCHEMATA.map((schema) => [schema, SCHEMATA.filter((s) => s !== schema && isA(s, schema))]));

/**
 * Every import write, batched and idempotent (each statement MERGEs on the record's id). Rows whose entity is
 * not in the graph are not written and come back as missing ends.
 */
export class GraphWriter {
  constructor(private readonly graph: Runner) {}

  async sources(records: SourceRecord[]): Promise<void> {
    if (records.length)
      await writeSources(this.graph, {
        rows: records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))),
      });
  }

  /**
   * Keeps a more specific schema already in the graph (the seed's PublicBody over OFAC's Organization): each row
   * names the schemata narrower than its own, and the write keeps a node's label when its schema is one of them
   * (no read before the write). The match keys (server/matching/keys.ts) are written in the same statement from the
   * names the row gives its node; a node whose names came out otherwise (it had others) gets them from the graph.
   */
  async entities(records: EntityRecord[]): Promise<void> {
    if (!records.length) return;
    const rows = records.map(entityRow).map((row) => {
      const names = [row.name, ...(row.lists.aliases ?? [])];
      return { ...row, narrower: NARROWER.get(row.schema) ?? [], matchKeys: { names, ...nameKeys(names) } };
    });
    const stale = await writeEntities(this.graph, { rows });
    if (stale.length)
      await writeMatchKeys(
        this.graph,
        stale.map((r) => r.id),
      );
  }

  async identifications(records: IdentificationRecord[]): Promise<void> {
    if (records.length) await writeIdentifications(this.graph, { rows: records.map(identificationRow) });
  }

  /** Writes the sanctions whose entity exists and returns those whose entity does not. */
  async sanctions(writes: SanctionWrite[]): Promise<MissingEnd[]> {
    if (!writes.length) return [];
    const present = new Set(
      (await existingSchemata(this.graph, { ids: [...new Set(writes.map((w) => w.record.entityId))] })).map((r) => r.id),
    );
    await writeSanctions(this.graph, { rows: writes.map(({ record, ftm }) => sanctionRow(record, ftm)) });
    return writes
      .filter((w) => !present.has(w.record.entityId))
      .map(({ record }) => ({ id: record.id, source: record.entityId, target: record.id, sourceMissing: true, targetMissing: false }));
  }

  /** Writes the relationships whose two ends exist and returns those whose ends do not. */
  async relationships(records: RelationshipRecord[]): Promise<MissingEnd[]> {
    if (!records.length) return [];
    return writeRelationships(this.graph, { rows: records.map(relationshipRow) });
  }

  async mentions(records: MentionRecord[]): Promise<void> {
    if (records.length) await writeMentions(this.graph, { rows: records });
  }

  async others(records: OtherRecord[]): Promise<void> {
    if (records.length) await writeOthers(this.graph, { rows: records });
  }
}
