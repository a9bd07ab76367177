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
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { dateFromFileName } from "../model/dates.ts";
import { FTM_VERSION, propertyType, schemaKind } from "../model/ftm.ts";
import { type EntityRecord, ftmRecordSourceId, type SeenDates, type SourceRecord } from "../model/records.ts";
import { typeForEdgeSchema } from "../model/vocabulary.ts";
import { readText } from "./text.ts";
import { type Importer, ImportInputError, type ImportItem } from "./types.ts";

export interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  referents?: string[];
  target?: boolean;
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
}

interface Line {
  entity: FtmEntity;
  line: number;
  text: string;
}

/** Streams the lines of an FtM file, each parsed and checked; a bad line is an ImportInputError naming it. */
export async function* readFtm(file: string): AsyncGenerator<Line> {
  let lineNumber = 0;
  let lines: AsyncIterable<string>;
  try {
    await stat(file);
    lines = createInterface({ input: readText(file), crlfDelay: Number.POSITIVE_INFINITY });
  } catch {
    throw new ImportInputError(file, "", "no such file");
  }
  for await (const text of lines) {
    lineNumber++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ImportInputError(
        file,
        `line ${lineNumber}`,
        `not a JSON object (${(error as Error).message}); is this an FtM JSON lines file?`,
      );
    }
    const envelope = value as { op?: string; entity?: unknown };
    if (envelope && typeof envelope === "object" && typeof envelope.op === "string") {
      if (envelope.op === "DEL")
        throw new ImportInputError(file, `line ${lineNumber}`, "DEL deltas are not supported; import the full file");
      value = envelope.entity;
    }
    yield { entity: validate(file, lineNumber, value), line: lineNumber, text };
  }
}

function validate(file: string, line: number, value: unknown): FtmEntity {
  const fail = (detail: string): never => {
    throw new ImportInputError(file, `line ${line}`, detail);
  };
  if (!value || typeof value !== "object" || Array.isArray(value)) fail("not an FtM entity (expected a JSON object)");
  const e = value as FtmEntity;
  if (typeof e.id !== "string" || !e.id) fail("entity without an id");
  if (typeof e.schema !== "string") fail(`entity ${e.id} without a schema`);
  const known = schemaKind(e.schema);
  if (!known) fail(`entity ${e.id}: unknown FtM schema "${e.schema}" (not a concrete schema of followthemoney ${FTM_VERSION})`);
  if (!e.properties || typeof e.properties !== "object" || Array.isArray(e.properties)) fail(`entity ${e.id} without properties`);
  for (const [key, values] of Object.entries(e.properties)) {
    if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) {
      fail(`entity ${e.id}: property "${key}" is not a list of strings`);
    }
  }
  const kind = schemaKind(e.schema);
  if (kind === "edge") {
    const def = typeForEdgeSchema(e.schema);
    if (!def) fail(`entity ${e.id}: no relationship type for ${e.schema}`);
    const ends = def as NonNullable<typeof def>;
    if (!e.properties[ends.ftm.source]?.length || !e.properties[ends.ftm.target]?.length) {
      fail(`${e.schema} ${e.id} lacks its "${ends.ftm.source}" or "${ends.ftm.target}"`);
    }
  }
  if (kind === "sanction" && !e.properties.entity?.length) fail(`Sanction ${e.id} lacks its "entity"`);
  if (kind === "identification" && !e.properties.holder?.length) fail(`${e.schema} ${e.id} lacks its "holder"`);
  if (kind === "node" && !e.properties.name?.length && !e.caption) fail(`${e.schema} ${e.id} has neither a name nor a caption`);
  return e;
}

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

  constructor(
    readonly files: string[],
    private readonly options: { date?: string } = {},
  ) {}

  expected() {
    return [this.counts.nodes * 2, this.counts.links * 2];
  }

  async check(): Promise<void> {
    for (const file of this.files) {
      let count = 0;
      for await (const { entity } of readFtm(file)) {
        count++;
        if (schemaKind(entity.schema) === "node") this.counts.nodes++;
        else this.counts.links++;
      }
      if (!count) throw new ImportInputError(file, "", "no FtM entities found (empty file)");
    }
  }

  phases() {
    return [() => this.read("nodes"), () => this.read("links")];
  }

  /** The record's own Source: the line itself, dated by --date, else FtM's own dates, else a date in the file name (never the import day or the file's mtime). */
  private source(file: string, e: FtmEntity, text: string): SourceRecord {
    const date = this.options.date ?? (e.last_change ?? e.last_seen)?.slice(0, 10) ?? dateFromFileName(file);
    return {
      id: ftmRecordSourceId(basename(file), e.id),
      publisher: e.datasets?.length ? `FollowTheMoney data, datasets ${e.datasets.join(", ")}` : "FollowTheMoney data",
      title: `${basename(file)}: ${e.schema} ${e.id}`,
      url: first(e.properties.sourceUrl),
      date,
      recordId: e.id,
      excerpt: text.length > EXCERPT_LIMIT ? `${text.slice(0, EXCERPT_LIMIT)}...` : text,
    };
  }

  private async *read(which: "nodes" | "links"): AsyncGenerator<ImportItem> {
    for (const file of this.files) {
      for await (const { entity, text } of readFtm(file)) {
        const kind = schemaKind(entity.schema);
        if ((kind === "node") !== (which === "nodes")) continue;
        const source = this.source(file, entity, text);
        yield { kind: "source", record: source };
        yield this.convert(entity, source.id);
      }
    }
  }

  private convert(e: FtmEntity, sourceId: string): ImportItem {
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
}

/** An FtM entity as the export gives it back: the line minus nothing (JSON text). */
function envelope(e: FtmEntity): string {
  return JSON.stringify(e);
}
