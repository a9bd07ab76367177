/**
 * Writes a BulkGraph as the CSV files `neo4j-admin database import full` reads: one node file per id space
 * (header `id:ID(<group>)`, `:LABEL`, typed properties) and one relationship file per pair of id spaces.
 *
 * The offline importer cannot store an empty list (an empty array field means "no property"), while the online
 * writer stores `[]` (e.g. an entity without aliases). Such keys go in a marker list, `bulkEmptyLists`, which
 * cypher/import/bulk-empty-lists-*.cypher turns into empty lists once the server runs.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import { type BulkGraph, type BulkRelationship, NODE_GROUPS, type NodeGroup, type Props, type Value } from "./graph.ts";

/** Between the elements of a list value: a control character no FtM value holds (checked while writing). */
export const ARRAY_DELIMITER = "\u001f";
export const EMPTY_LISTS = "bulkEmptyLists";

type Kind = "string" | "boolean" | "string[]";

export interface CsvFiles {
  nodes: string[];
  relationships: string[];
  /** Some value holds a line break: neo4j-admin must then read multi-line fields (slower). */
  multiline: boolean;
}

const kindOf = (value: Value): Kind => (Array.isArray(value) ? "string[]" : typeof value === "boolean" ? "boolean" : "string");

/** Property columns of a set of rows, each with one type (a key with two types is a bug in the mapping: said plainly). */
function columns(rows: Iterable<Props>, what: string): [string, Kind][] {
  const kinds = new Map<string, Kind>();
  let empties = false;
  for (const props of rows) {
    for (const [key, value] of props) {
      if (Array.isArray(value) && value.length === 0) {
        empties = true;
        continue;
      }
      const kind = kindOf(value);
      const known = kinds.get(key);
      if (known && known !== kind) throw new Error(`${what}: property "${key}" is both ${known} and ${kind}`);
      if (/[:,"\s]/.test(key)) throw new Error(`${what}: property name "${key}" cannot be a CSV header`);
      kinds.set(key, kind);
    }
  }
  if (empties) kinds.set(EMPTY_LISTS, "string[]");
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

  async line(fields: string[]) {
    const text = `${fields.join(",")}\n`;
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) await this.flush();
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

/** The row's properties with the empty lists moved into the marker. */
function values(props: Props, cols: [string, Kind][], writer: CsvWriter, what: string): string[] {
  const empty: string[] = [];
  for (const [key, value] of props) if (Array.isArray(value) && value.length === 0) empty.push(key);
  return cols.map(([key]) => writer.field(key === EMPTY_LISTS ? (empty.length ? empty : undefined) : props.get(key), what));
}

async function writeNodes(dir: string, group: NodeGroup, graph: BulkGraph): Promise<CsvWriter | undefined> {
  const nodes = graph.nodes[group];
  if (!nodes.size) return undefined;
  const cols = columns(
    (function* () {
      for (const n of nodes.values()) yield n.props;
    })(),
    `${group} nodes`,
  ).filter(([key]) => key !== "id");
  const writer = new CsvWriter(join(dir, `nodes-${group}.csv`));
  await writer.line([`id:ID(${group})`, ":LABEL", ...cols.map(([key, kind]) => `${key}:${kind}`)]);
  for (const node of nodes.values()) {
    const what = `${group} ${node.id}`;
    await writer.line([writer.quote(node.id), writer.field([...node.labels], what), ...values(node.props, cols, writer, what)]);
  }
  await writer.close();
  return writer;
}

async function writeRelationships(dir: string, name: string, rels: BulkRelationship[]): Promise<CsvWriter> {
  const { from, to } = rels[0];
  const cols = columns(
    rels.map((r) => r.props),
    `${name} relationships`,
  );
  const writer = new CsvWriter(join(dir, `relationships-${name}.csv`));
  await writer.line([`:START_ID(${from.group})`, `:END_ID(${to.group})`, ":TYPE", ...cols.map(([key, kind]) => `${key}:${kind}`)]);
  for (const r of rels) {
    const what = `${r.type} ${r.from.id} -> ${r.to.id}`;
    await writer.line([writer.quote(r.from.id), writer.quote(r.to.id), r.type, ...values(r.props, cols, writer, what)]);
  }
  await writer.close();
  return writer;
}

export async function writeCsv(graph: BulkGraph, dir: string): Promise<CsvFiles> {
  const nodeWriters: CsvWriter[] = [];
  for (const group of NODE_GROUPS) {
    const writer = await writeNodes(dir, group, graph);
    if (writer) nodeWriters.push(writer);
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
  for (const [name, rels] of byEnds) relationshipWriters.push(await writeRelationships(dir, name, rels));
  return {
    nodes: nodeWriters.map((w) => w.path),
    relationships: relationshipWriters.map((w) => w.path),
    multiline: [...nodeWriters, ...relationshipWriters].some((w) => w.multiline),
  };
}
