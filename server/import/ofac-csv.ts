/**
 * OFAC SDN legacy CSV set: sdn.csv (primary records) with the optional companions alt.csv (aliases),
 * add.csv (addresses) and sdn_comments.csv (remarks overflow). No header row, `-0- ` for null, CRLF, Ctrl-Z.
 *
 * Streaming: every file is read row by row. The companions are joined to sdn.csv by a merge on ent_num
 * (OFAC publishes all four sorted by ent_num; an unsorted companion is read into memory instead). The only
 * index held in memory is primary name -> ent_nums and programs, for resolving `Linked To:` names.
 */
import { basename } from "node:path";
import { ofacNames } from "../db/queries/imports.ts";
import type { Runner } from "../db/queries/query.ts";
import { countryCode } from "../model/countries.ts";
import { dateFromFileName } from "../model/dates.ts";
import type { EntityRecord, SanctionRecord, SourceRecord } from "../model/records.ts";
import { cleanValues } from "../model/values.ts";
import { type CsvRow, readOfacCsv } from "./csv.ts";
import { linkNameVariants, parseRemarks } from "./ofac-remarks.ts";
import { type Importer, ImportInputError, type ImportItem } from "./types.ts";

export const OFAC_PUBLISHER = "U.S. Department of the Treasury, Office of Foreign Assets Control";
export const OFAC_URL = "https://sanctionslist.ofac.treas.gov/Home/SdnList";
export const OFAC_DATASET = "us_ofac_sdn";
/** OFAC remarks longer than this are cut in sdn.csv and continued in sdn_comments.csv. */
const REMARKS_LIMIT = 1000;

export interface OfacCsvFiles {
  sdn: string;
  alt?: string;
  add?: string;
  comments?: string;
}

const SCHEMA_BY_TYPE: Record<string, string> = { individual: "Person", vessel: "Vessel", aircraft: "Airplane" };

export const ofacEntityId = (entNum: string) => `ofac-${entNum}`;

/** One Sanction per program: `ofac-sanction-<ent_num>` when the record has one program (as the seed has it), else `...-<PROGRAM>`. */
export function ofacSanctionId(entNum: string, program: string, programs: string[]): string {
  return programs.length === 1 ? `ofac-sanction-${entNum}` : `ofac-sanction-${entNum}-${program.replace(/\s+/g, "")}`;
}

export function splitPrograms(field: string | undefined): string[] {
  if (!field) return [];
  return field
    .replace(/^\[|\]$/g, "")
    .split("] [")
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Assigns file roles from explicit flags or, failing that, from the file names (alt*, add*, *comments*). */
export function ofacFilesFrom(files: string[], flags: Partial<OfacCsvFiles> = {}): OfacCsvFiles {
  const result: Partial<OfacCsvFiles> = { ...flags };
  for (const file of files) {
    const name = basename(file).toLowerCase();
    if (name.includes("comments")) result.comments ??= file;
    else if (/^alt[._-]/.test(name) || name === "alt.csv") result.alt ??= file;
    else if (/^add[._-]/.test(name) || name === "add.csv") result.add ??= file;
    else if (!result.sdn) result.sdn = file;
    else throw new Error(`Two primary files given (${result.sdn} and ${file}); pass companions with --alt, --add, --comments`);
  }
  if (!result.sdn) throw new Error("No sdn.csv given");
  return result as OfacCsvFiles;
}

interface Group {
  entNum: number;
  rows: CsvRow[];
}

/** Groups a sorted companion file by ent_num and hands out the group for each ent_num asked for, in order. */
class CompanionReader {
  private iterator?: AsyncGenerator<CsvRow>;
  private pending?: CsvRow;
  private done = false;
  private memory?: Map<number, CsvRow[]>;
  orphans = 0;

  constructor(
    readonly file: string,
    private readonly columns: number,
    private readonly what: string,
    private readonly sorted: boolean,
  ) {}

  private async next(): Promise<CsvRow | undefined> {
    if (this.pending) {
      const row = this.pending;
      this.pending = undefined;
      return row;
    }
    if (this.done) return undefined;
    this.iterator ??= readOfacCsv(this.file, this.columns, this.what);
    const result = await this.iterator.next();
    if (result.done) {
      this.done = true;
      return undefined;
    }
    return result.value;
  }

  async take(entNum: number): Promise<CsvRow[]> {
    if (!this.sorted) {
      if (!this.memory) {
        this.memory = new Map();
        for await (const row of readOfacCsv(this.file, this.columns, this.what)) {
          const key = Number(row.fields[0]);
          const list = this.memory.get(key) ?? [];
          list.push(row);
          this.memory.set(key, list);
        }
      }
      const rows = this.memory.get(entNum) ?? [];
      this.memory.delete(entNum);
      return rows;
    }
    const group: Group = { entNum, rows: [] };
    for (;;) {
      const row = await this.next();
      if (!row) break;
      const key = Number(row.fields[0]);
      if (key < entNum) {
        this.orphans++;
        continue;
      }
      if (key > entNum) {
        this.pending = row;
        break;
      }
      group.rows.push(row);
    }
    return group.rows;
  }

  async finish(): Promise<void> {
    if (this.memory) {
      for (const rows of this.memory.values()) this.orphans += rows.length;
      return;
    }
    while (await this.next()) this.orphans++;
  }
}

interface NameEntry {
  entNum: string;
  programs: string[];
}

export interface OfacCsvOptions {
  files: OfacCsvFiles;
  /** Used to resolve `Linked To:` names that are not primary names in this file against OFAC records already in the graph. */
  graph?: Runner;
  /** File date for provenance; defaults to a date in the file name, else none (never the import day). */
  date?: string;
  /**
   * Only these ent_nums are written (a history delta: the records a snapshot added or amended), plus the
   * `Linked To` clauses of other records that name one of them. The whole file is still read to resolve names.
   */
  only?: Set<string>;
}

export class OfacCsvImporter implements Importer {
  readonly format = "ofac-csv";
  readonly files: string[];
  private readonly names = new Map<string, NameEntry[]>();
  private readonly sorted = { alt: true, add: true, comments: true };
  private readonly counts: Record<string, number> = {};
  private graphNames = new Map<string, NameEntry[]>();
  private rows = 0;
  private linkCount = 0;
  /** Records whose links are written (all when `only` is not given). */
  private linking?: Set<string>;

  constructor(private readonly options: OfacCsvOptions) {
    const f = options.files;
    this.files = [f.sdn, f.alt, f.add, f.comments].filter((x): x is string => !!x);
  }

  notes() {
    return this.counts;
  }

  expected() {
    return [(this.options.only?.size ?? this.rows) * 3, this.linkCount];
  }

  private date(file: string): string | undefined {
    return this.options.date ?? dateFromFileName(file);
  }

  async check(): Promise<void> {
    const { sdn, alt, add, comments } = this.options.files;
    let previous = -1;
    const only = this.options.only;
    const onlyNames = new Set<string>();
    for await (const row of readOfacCsv(sdn, 12, "sdn.csv")) {
      const [entNum, name, , program] = row.fields as string[];
      if (!name) throw new ImportInputError(sdn, `line ${row.line}`, `record ${entNum} has no name`);
      const n = Number(entNum);
      if (n <= previous) this.counts.unsortedSdnRows = (this.counts.unsortedSdnRows ?? 0) + 1;
      previous = n;
      this.rows++;
      const list = this.names.get(name) ?? [];
      list.push({ entNum, programs: splitPrograms(program) });
      this.names.set(name, list);
      if (only?.has(entNum)) onlyNames.add(name);
    }
    if (only) this.linking = new Set(only);
    const companions: [keyof typeof this.sorted, string | undefined, number, string][] = [
      ["alt", alt, 5, "alt.csv"],
      ["add", add, 6, "add.csv"],
      ["comments", comments, 2, "sdn_comments.csv"],
    ];
    for (const [key, file, columns, what] of companions) {
      if (!file) continue;
      let last = -1;
      for await (const row of readOfacCsv(file, columns, what)) {
        const n = Number(row.fields[0]);
        if (n < last) this.sorted[key] = false;
        last = n;
      }
    }
    // Names that are no primary name here may be OFAC records already in the graph (an earlier import).
    const wanted = new Set<string>();
    for await (const row of readOfacCsv(sdn, 12, "sdn.csv")) {
      for (const target of parseRemarks(row.fields[11]).linkedTo) {
        if (this.linking && linkNameVariants(target).some((v) => onlyNames.has(v))) this.linking.add(row.fields[0] as string);
        if (this.linking && !this.linking.has(row.fields[0] as string)) continue;
        this.linkCount++;
        if (!linkNameVariants(target).some((v) => this.names.has(v))) for (const v of linkNameVariants(target)) wanted.add(v);
      }
    }
    if (wanted.size && this.options.graph) {
      for (const r of await ofacNames(this.options.graph, { names: [...wanted] })) {
        const list = this.graphNames.get(r.name) ?? [];
        list.push({ entNum: r.id.replace(/^ofac-/, ""), programs: r.programs ?? [] });
        this.graphNames.set(r.name, list);
      }
    }
  }

  phases() {
    return [() => this.nodes(), () => this.links()];
  }

  private async *nodes(): AsyncGenerator<ImportItem> {
    const { sdn, alt, add, comments } = this.options.files;
    const readers = {
      alt: alt ? new CompanionReader(alt, 5, "alt.csv", this.sorted.alt) : undefined,
      add: add ? new CompanionReader(add, 6, "add.csv", this.sorted.add) : undefined,
      comments: comments ? new CompanionReader(comments, 2, "sdn_comments.csv", this.sorted.comments) : undefined,
    };
    for await (const row of readOfacCsv(sdn, 12, "sdn.csv")) {
      const entNum = row.fields[0] as string;
      const n = Number(entNum);
      const altRows = (await readers.alt?.take(n)) ?? [];
      const addRows = (await readers.add?.take(n)) ?? [];
      const commentRows = (await readers.comments?.take(n)) ?? [];
      if (this.options.only && !this.options.only.has(entNum)) continue;
      yield* this.record(row, altRows, addRows, commentRows);
    }
    for (const [key, reader] of Object.entries(readers)) {
      if (!reader) continue;
      await reader.finish();
      if (reader.orphans) this.counts[`${key}RowsWithoutRecord`] = reader.orphans;
    }
  }

  private source(kind: string, title: string, file: string, entNum: string, rows: CsvRow[]): SourceRecord {
    return {
      id: `ofac-${kind}-${entNum}`,
      publisher: OFAC_PUBLISHER,
      title,
      url: OFAC_URL,
      date: this.date(file),
      recordId: entNum,
      excerpt: rows.map((r) => r.raw).join("\n"),
    };
  }

  private *record(row: CsvRow, altRows: CsvRow[], addRows: CsvRow[], commentRows: CsvRow[]): Generator<ImportItem> {
    const { sdn, alt, add, comments } = this.options.files;
    const [entNum, name, type, program, title, callSign, vesselType, tonnage, grt, flag, owner, remarksField] = row.fields;
    const id = ofacEntityId(entNum as string);
    const sources: SourceRecord[] = [this.source("sdn", "Specially Designated Nationals List (sdn.csv)", sdn, entNum as string, [row])];
    const remarks = this.remarks(row, commentRows);
    if (remarks !== (remarksField ?? "")) {
      sources.push(
        this.source(
          "comments",
          "Specially Designated Nationals List, remarks (sdn_comments.csv)",
          comments as string,
          entNum as string,
          commentRows,
        ),
      );
      this.counts.remarksExtended = (this.counts.remarksExtended ?? 0) + 1;
    }
    const parsed = parseRemarks(remarks);
    const props = parsed.properties;
    const push = (prop: string, v: string | undefined) => {
      if (!v) return;
      const list = props[prop] ?? [];
      if (!list.includes(v)) list.push(v);
      props[prop] = list;
    };
    const schema = SCHEMA_BY_TYPE[type ?? ""] ?? "Organization";
    props.name = [name as string];
    props.topics = ["sanction"];
    const programs = splitPrograms(program);
    for (const p of programs) push("program", p);
    if (title) push(schema === "Person" ? "position" : "notes", title);
    if (schema === "Vessel") {
      push("callSign", callSign);
      push("type", vesselType);
      push("tonnage", tonnage);
      push("grossRegisteredTonnage", grt);
      const code = countryCode(flag);
      if (code) push("flag", code);
      else if (flag) push("notes", `Vessel flag ${flag}`);
      if (owner) push("notes", `Vessel owner ${owner}`);
    } else if (schema === "Airplane") {
      push("callSign", callSign);
      push("type", vesselType);
    }
    for (const r of altRows) {
      const [, , altType, altName, altRemarks] = r.fields;
      if (!altName) continue;
      push(altType?.toLowerCase() === "fka" ? "previousName" : altType?.toLowerCase() === "nka" ? "alias" : "alias", altName);
      if (altRemarks) push("notes", `${altName}: ${altRemarks}`);
    }
    if (altRows.length)
      sources.push(
        this.source("alt", "Specially Designated Nationals List, alternate names (alt.csv)", alt as string, entNum as string, altRows),
      );
    for (const r of addRows) {
      const [, , street, city, countryName, addRemarks] = r.fields;
      const text = [street, city, countryName].filter(Boolean).join(", ");
      push("address", text);
      const code = countryCode(countryName);
      if (code) push("country", code);
      if (addRemarks) push("notes", `${text}: ${addRemarks}`);
    }
    if (addRows.length)
      sources.push(
        this.source("add", "Specially Designated Nationals List, addresses (add.csv)", add as string, entNum as string, addRows),
      );
    cleanValues(props);
    const sourceIds = sources.map((s) => s.id);
    for (const record of sources) yield { kind: "source", record };
    const entity: EntityRecord = { id, schema, properties: props, sourceIds, datasets: [OFAC_DATASET] };
    yield { kind: "entity", record: entity };
    for (const p of programs) {
      const sanction: SanctionRecord = {
        id: ofacSanctionId(entNum as string, p, programs),
        entityId: id,
        authority: OFAC_PUBLISHER,
        program: p,
        sourceIds: [sources[0].id],
      };
      yield { kind: "sanction", record: sanction };
    }
  }

  /** The remarks, continued from sdn_comments.csv when sdn.csv cut them at OFAC's 1,000-character limit. */
  private remarks(row: CsvRow, commentRows: CsvRow[]): string {
    const remarks = row.fields[11] ?? "";
    if (!commentRows.length || remarks.length < REMARKS_LIMIT) return remarks;
    return remarks + commentRows.map((r) => r.fields[1] ?? "").join("");
  }

  /** `Linked To:` clauses -> LINKED_TO relationships, or mentions when the name is ambiguous or on no record. */
  private async *links(): AsyncGenerator<ImportItem> {
    const { comments } = this.options.files;
    const extension = comments ? new CompanionReader(comments, 2, "sdn_comments.csv", this.sorted.comments) : undefined;
    for await (const row of readOfacCsv(this.options.files.sdn, 12, "sdn.csv")) {
      const [entNum, , , program] = row.fields as string[];
      const remarks = this.remarks(row, (await extension?.take(Number(entNum))) ?? []);
      if (this.linking && !this.linking.has(entNum)) continue;
      const from = ofacEntityId(entNum);
      const programs = splitPrograms(program);
      const { linkedTo } = parseRemarks(remarks);
      for (const target of linkedTo) {
        yield this.resolve(from, entNum, programs, target);
      }
    }
  }

  private resolve(from: string, entNum: string, programs: string[], target: string): ImportItem {
    const sourceIds = [`ofac-sdn-${entNum}`];
    let name = target.replace(/\.$/, "");
    let entries: NameEntry[] = [];
    for (const variant of linkNameVariants(target)) {
      const found = this.names.get(variant) ?? this.graphNames.get(variant);
      if (found?.length) {
        name = variant;
        entries = found;
        break;
      }
    }
    const candidates = [...new Set(entries.map((e) => e.entNum))];
    let chosen: string | undefined;
    let resolvedBy = "name";
    if (candidates.length === 1) chosen = candidates[0];
    else if (candidates.length > 1) {
      const sharing = entries.filter((e) => e.programs.some((p) => programs.includes(p)));
      const ids = [...new Set(sharing.map((e) => e.entNum))];
      if (ids.length === 1) {
        chosen = ids[0];
        resolvedBy = "name and program";
      }
    }
    if (chosen) {
      const to = ofacEntityId(chosen);
      return {
        kind: "relationship",
        record: {
          id: `${from}-linked-to-${to}`,
          type: "LINKED_TO",
          source: from,
          target: to,
          role: "Linked To",
          properties: { resolvedBy: [resolvedBy] },
          sourceIds,
          datasets: [OFAC_DATASET],
        },
      };
    }
    return {
      kind: "mention",
      record: {
        id: `${from}:linked-to:${name}`,
        entityId: from,
        name,
        status: candidates.length ? "ambiguous" : "unresolved",
        role: "Linked To",
        candidates: candidates.map(ofacEntityId),
        sourceIds,
        datasets: [OFAC_DATASET],
      },
    };
  }
}
