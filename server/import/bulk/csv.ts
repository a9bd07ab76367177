/**
 * The CSV files `neo4j-admin database import full` reads: one node file per id space (header `id:ID(<group>)`,
 * `:LABEL`, typed properties) and one relationship file per pair of id spaces.
 *
 * Source nodes (two thirds of all nodes) are written while the files are read (SourceCsv, on a worker thread:
 * sources.ts), so they are never held in memory; the rest of the graph is written from the BulkGraph once reading is done (writeGraphCsv).
 *
 * No list is ever empty here: neither importer stores an empty list (server/db/writer.ts nonEmpty), which is as well,
 * since neo4j-admin reads an empty list field as no property.
 */
import { createReadStream, createWriteStream, renameSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse";
import type { SourceRecord } from "../../model/records.ts";
import { type BulkGraph, type BulkRelationship, NODE_GROUPS, type Props, type Value } from "./graph.ts";
import type { SourceFile } from "./sources.ts";

/** Between the elements of a list value: a control character no FtM value holds (checked while writing). */
export const ARRAY_DELIMITER = "\u001f";

type Kind = "string" | "boolean" | "string[]";

export interface CsvFiles {
  nodes: string[];
  relationships: string[];
  /** Some value holds a line break: neo4j-admin must then read multi-line fields (slower). */
  multiline: boolean;
}

const kindOf = (value: Value): Kind => (Array.isArray(value) ? "string[]" : typeof value === "boolean" ? "boolean" : "string");

function checkKey(key: string, what: string) {
  if (/[:,"\s]/.test(key)) throw new Error(`${what}: property name "${key}" cannot be a CSV header`);
}

/** Property columns of a set of rows, each with one type (a key with two types is a bug in the mapping: said plainly). */
function columns(rows: Iterable<Props>, what: string): [string, Kind][] {
  const kinds = new Map<string, Kind>();
  for (const props of rows) {
    for (const [key, value] of props) {
      const kind = kindOf(value);
      const known = kinds.get(key);
      if (known === kind) continue;
      if (known) throw new Error(`${what}: property "${key}" is both ${known} and ${kind}`);
      checkKey(key, what);
      kinds.set(key, kind);
    }
  }
  return [...kinds];
}

/** Buffered writes that wait for the stream to drain. */
class CsvWriter {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private size = 0;
  multiline = false;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, "utf8");
  }

  quote(text: string): string {
    if (!this.multiline && /[\r\n]/.test(text)) this.multiline = true;
    return `"${text.replaceAll('"', '""')}"`;
  }

  field(value: Value | undefined, what: string): string {
    if (value === undefined) return "";
    if (typeof value === "boolean") return String(value);
    if (typeof value === "string") return this.quote(value);
    if (value.some((v) => v.includes(ARRAY_DELIMITER))) throw new Error(`${what}: a list value holds the control character U+001F`);
    return this.quote(value.join(ARRAY_DELIMITER));
  }

  /** Resolves at once unless 1 MiB is buffered and the file is behind: then when it has caught up. */
  line(fields: string[]): Promise<void> | undefined {
    const text = `${fields.join(",")}\n`;
    this.buffer.push(text);
    this.size += text.length;
    return this.size > 1 << 20 ? this.flush() : undefined;
  }

  private async flush() {
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once("drain", () => resolve()));
  }

  async close() {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

/** The columns of a Source node: the fields of a SourceRecord (a field the type gains must be added here). */
const SOURCE_FIELDS = ["publisher", "title", "url", "date", "recordId", "excerpt"] as const satisfies readonly (keyof SourceRecord)[];

/**
 * Source nodes, written as they are read. A source id read again (an FtM entity id twice in one file) is merged as
 * cypher/write/sources.cypher does (`SET s += row`, absent fields keep earlier values): such sources are kept aside
 * and, if there are any, the file is rewritten once with the merged rows at the end.
 */
export class SourceCsv {
  private readonly writer: CsvWriter;
  private readonly written = new Set<string>();
  private readonly again = new Map<string, SourceRecord[]>();
  count = 0;

  constructor(dir: string) {
    this.writer = new CsvWriter(join(dir, "nodes-Source.csv"));
    this.writer.line(SourceCsv.header);
  }

  private static readonly header = ["id:ID(Source)", ":LABEL", ...SOURCE_FIELDS.map((key) => `${key}:string`)];

  private row(record: SourceRecord, writer = this.writer): string[] {
    const what = `Source ${record.id}`;
    for (const key of Object.keys(record))
      if (key !== "id" && !(SOURCE_FIELDS as readonly string[]).includes(key)) throw new Error(`${what}: no CSV column for "${key}"`);
    return [writer.quote(record.id), "Source", ...SOURCE_FIELDS.map((key) => writer.field(record[key], what))];
  }

  /** Writes a source, or keeps it aside if its id was written before; wait for the promise when there is one. */
  add(record: SourceRecord): Promise<void> | undefined {
    if (this.written.has(record.id)) {
      const list = this.again.get(record.id) ?? [];
      list.push(record);
      this.again.set(record.id, list);
      return undefined;
    }
    this.written.add(record.id);
    this.count++;
    return this.writer.line(this.row(record));
  }

  async close(): Promise<CsvWriter> {
    await this.writer.close();
    if (this.again.size) await this.merge();
    return this.writer;
  }

  /** Rewrites the file, each source read again merged into the row written first. */
  private async merge() {
    const merged = new CsvWriter(`${this.writer.path}.merged`);
    const keys = ["id", ":LABEL", ...SOURCE_FIELDS];
    // An unquoted empty field is an absent value; a quoted one ("") an empty string.
    const rows = createReadStream(this.writer.path).pipe(
      parse({ from_line: 2, cast: (value, context) => (value === "" && !context.quoting ? undefined : value) }),
    ) as AsyncIterable<(string | undefined)[]>;
    await merged.line(SourceCsv.header);
    for await (const fields of rows) {
      const record: Record<string, string | undefined> = Object.fromEntries(keys.map((key, i) => [key, fields[i]]));
      delete record[":LABEL"];
      for (const again of this.again.get(record.id as string) ?? [])
        for (const [key, value] of Object.entries(again)) if (value !== undefined) record[key] = value;
      await merged.line(this.row(record as unknown as SourceRecord, merged));
    }
    await merged.close();
    this.writer.multiline ||= merged.multiline;
    renameSync(merged.path, this.writer.path);
  }
}

async function writeNodes(path: string, group: string, nodes: Map<string, { id: string; labels: Set<string>; props: Props }>) {
  const cols = columns(
    (function* () {
      for (const n of nodes.values()) yield n.props;
    })(),
    `${group} nodes`,
  ).filter(([key]) => key !== "id");
  const writer = new CsvWriter(path);
  await writer.line([`id:ID(${group})`, ":LABEL", ...cols.map(([key, kind]) => `${key}:${kind}`)]);
  for (const node of nodes.values()) {
    const what = `${group} ${node.id}`;
    await writer.line([
      writer.quote(node.id),
      writer.field([...node.labels], what),
      ...cols.map(([key]) => writer.field(node.props.get(key), what)),
    ]);
  }
  await writer.close();
  return writer;
}

async function writeRelationships(path: string, rels: BulkRelationship[]): Promise<CsvWriter> {
  const { from, to } = rels[0];
  const cols = columns(
    rels.map((r) => r.props),
    `${path} relationships`,
  );
  const writer = new CsvWriter(path);
  await writer.line([`:START_ID(${from.group})`, `:END_ID(${to.group})`, ":TYPE", ...cols.map(([key, kind]) => `${key}:${kind}`)]);
  for (const r of rels) {
    const what = `${r.type} ${r.from.id} -> ${r.to.id}`;
    await writer.line([
      writer.quote(r.from.id),
      writer.quote(r.to.id),
      r.type,
      ...cols.map(([key]) => writer.field(r.props.get(key), what)),
    ]);
  }
  await writer.close();
  return writer;
}

/** The graph's nodes (but for the sources, already written: `sources`) and relationships, then the list of files. */
export async function writeGraphCsv(graph: BulkGraph, sources: SourceFile, dir: string): Promise<CsvFiles> {
  const nodeWriters: CsvWriter[] = [];
  for (const group of NODE_GROUPS) {
    if (graph.nodes[group].size) nodeWriters.push(await writeNodes(join(dir, `nodes-${group}.csv`), group, graph.nodes[group]));
  }
  // One file per pair of id spaces: a relationship file names the id space of its start and of its end.
  const byEnds = new Map<string, BulkRelationship[]>();
  for (const r of [...graph.relationships, ...graph.links]) {
    const key = `${r.from.group}-${r.to.group}`;
    const list = byEnds.get(key) ?? [];
    list.push(r);
    byEnds.set(key, list);
  }
  const relationshipWriters: CsvWriter[] = [];
  for (const [name, rels] of byEnds) relationshipWriters.push(await writeRelationships(join(dir, `relationships-${name}.csv`), rels));
  return {
    nodes: [sources.path, ...nodeWriters.map((w) => w.path)],
    relationships: relationshipWriters.map((w) => w.path),
    multiline: [sources, ...nodeWriters, ...relationshipWriters].some((w) => w.multiline),
  };
}
