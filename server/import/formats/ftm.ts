/**
 * FollowTheMoney JSON lines (OpenSanctions `entities.ftm.json`, Aleph exports): one entity per line.
 * Node schemata -> entities (properties verbatim), edge schemata -> relationships (the vocabulary's type for
 * that schema; the edge entity's id is the relationship id), Sanction -> sanctions, Identification/Passport ->
 * (:Identification) nodes next to their holder; every other FtM schema (Risk, Mention, Similar, ...) is kept
 * verbatim and given back by the export. Delta lines ({"op": "ADD"|"MOD", "entity": {...}}) are read as their
 * entity. A schema FtM does not know is an error naming the line.
 *
 * Provenance: every entity cites its own record (a Source per line, dated by the entity's `last_change`, else
 * `last_seen`, else the import's --date or a date in the file name; never the file's modification time).
 * `target: true` or the `sanction` topic marks the entity sanctioned; `first_seen`/`last_seen`/`last_change`
 * and `referents` are kept.
 */
import { basename } from "node:path";
import { dateFromFileName } from "../../model/dates.ts";
import { propertyType, schemaKind } from "../../model/ftm.ts";
import { type EntityRecord, ftmRecordSourceId, type SeenDates, type SourceRecord } from "../../model/records.ts";
import { typeForEdgeSchema } from "../../model/vocabulary.ts";
import { type FtmEntity, readFtm } from "../readers/ftm-lines.ts";
import { type Importer, ImportInputError, type ImportItem, type Phase } from "../types.ts";

const first = (values: string[] | undefined) => values?.[0];
const joined = (values: string[] | undefined) => (values?.length ? values.join("; ") : undefined);
/** A Source excerpt keeps the record's line up to this length. */
const EXCERPT_LIMIT = 2_000;

const seen = (e: FtmEntity): SeenDates | undefined =>
  e.first_seen || e.last_seen || e.last_change
    ? { first_seen: e.first_seen, last_seen: e.last_seen, last_change: e.last_change }
    : undefined;

export class FtmImporter implements Importer {
  readonly format = "ftm";
  private counts = { nodes: 0, links: 0 };
  /** Per file, whether each line (by number) holds a node entity: the write phases parse only their own lines. */
  private nodeLines = new Map<string, boolean[]>();

  constructor(
    readonly files: string[],
    private readonly options: { date?: string } = {},
  ) {}

  async check(): Promise<void> {
    for (const file of this.files) {
      let count = 0;
      const nodeLines: boolean[] = [];
      for await (const { entity, line } of readFtm(file)) {
        count++;
        const node = schemaKind(entity.schema) === "node";
        nodeLines[line] = node;
        if (node) this.counts.nodes++;
        else this.counts.links++;
      }
      this.nodeLines.set(file, nodeLines);
      if (!count) throw new ImportInputError(file, "", "no FtM entities found (empty file)");
    }
  }

  phases(): Phase[] {
    return [
      { name: "records", expected: this.counts.nodes * 2, items: () => this.read("nodes") },
      { name: "links", expected: this.counts.links * 2, items: () => this.read("links") },
    ];
  }

  private async *read(which: "nodes" | "links"): AsyncGenerator<ImportItem> {
    for (const file of this.files) {
      const nodeLines = this.nodeLines.get(file) ?? [];
      for await (const { entity, text } of readFtm(file, (line) => nodeLines[line] !== (which === "nodes"))) {
        const source = ftmSource(file, entity, text, this.options.date);
        yield { kind: "source", record: source };
        yield ftmItem(entity, source.id);
      }
    }
  }
}

/** A record's own Source: the line itself, dated by `date` (--date), else FtM's own dates, else a date in the file name (never the import day or the file's mtime). */
export function ftmSource(file: string, e: FtmEntity, text: string, date?: string): SourceRecord {
  return {
    id: ftmRecordSourceId(basename(file), e.id),
    publisher: e.datasets?.length ? `FollowTheMoney data, datasets ${e.datasets.join(", ")}` : "FollowTheMoney data",
    title: `${basename(file)}: ${e.schema} ${e.id}`,
    url: first(e.properties.sourceUrl),
    date: date ?? (e.last_change ?? e.last_seen)?.slice(0, 10) ?? dateFromFileName(file),
    recordId: e.id,
    excerpt: text.length > EXCERPT_LIMIT ? `${text.slice(0, EXCERPT_LIMIT)}...` : text,
  };
}

/** One FtM entity -> the item the pipeline writes: entity, relationship, sanction, identification, or kept whole. */
export function ftmItem(e: FtmEntity, sourceId: string): ImportItem {
  const props = e.properties;
  const datasets = e.datasets ?? [];
  const kind = schemaKind(e.schema);
  if (kind === "node") {
    const properties: Record<string, string[]> = { ...props };
    const names = props.name ?? [];
    if (!names.length) {
      properties.name = [e.caption as string];
      properties.derivedProperties = ["name"];
    } else if (e.caption && names.includes(e.caption)) {
      properties.name = [e.caption, ...names.filter((n) => n !== e.caption)];
    }
    const record: EntityRecord = {
      id: e.id,
      schema: e.schema,
      properties,
      sourceIds: [sourceId],
      datasets,
      referents: e.referents ?? [],
      sanctioned: e.target === true || (props.topics ?? []).includes("sanction"),
      seen: seen(e),
    };
    return { kind: "entity", record };
  }
  if (kind === "edge") {
    const def = typeForEdgeSchema(e.schema) as NonNullable<ReturnType<typeof typeForEdgeSchema>>;
    const rest: Record<string, string[]> = {};
    for (const [key, values] of Object.entries(props)) {
      if (![def.ftm.source, def.ftm.target, "role", "startDate", "endDate"].includes(key)) rest[key] = values;
    }
    return {
      kind: "relationship",
      record: {
        id: e.id,
        type: def.type,
        source: props[def.ftm.source][0],
        target: props[def.ftm.target][0],
        role: joined(props.role),
        startDate: first(props.startDate),
        endDate: first(props.endDate),
        properties: rest,
        sourceIds: [sourceId],
        datasets,
        referents: e.referents ?? [],
        seen: seen(e),
      },
    };
  }
  if (kind === "sanction") {
    return {
      kind: "sanction",
      record: {
        id: e.id,
        entityId: props.entity[0],
        authority: first(props.authority) ?? "Unknown authority",
        program: first(props.program),
        programId: first(props.programId),
        listingDate: first(props.listingDate),
        startDate: first(props.startDate),
        endDate: first(props.endDate),
        status: first(props.status),
        reason: joined(props.reason),
        provisions: joined(props.provisions),
        sourceUrl: first(props.sourceUrl),
        sourceIds: [sourceId],
      },
      ftm: envelope(e),
    };
  }
  if (kind === "identification") {
    const { holder, ...rest } = props;
    return {
      kind: "identification",
      record: {
        id: e.id,
        schema: e.schema as "Identification" | "Passport",
        holderIds: holder,
        properties: rest,
        sourceIds: [sourceId],
        datasets,
        referents: e.referents ?? [],
        seen: seen(e) ?? {},
      },
    };
  }
  // Any other schema: kept whole, attached to the entities it refers to, given back by the export.
  const refs = Object.entries(props)
    .filter(([key]) => propertyType(e.schema, key) === "entity")
    .flatMap(([, values]) => values);
  return { kind: "other", record: { id: e.id, schema: e.schema, refs, ftm: envelope(e), sourceIds: [sourceId], datasets } };
}

/** An FtM entity as the export gives it back: the entity as read, as JSON text. */
function envelope(e: FtmEntity): string {
  return JSON.stringify(e);
}
