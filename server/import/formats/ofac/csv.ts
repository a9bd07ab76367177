/**
 * OFAC SDN legacy CSV set: sdn.csv (primary records) with the optional companions alt.csv (aliases),
 * add.csv (addresses) and sdn_comments.csv (remarks overflow). No header row, `-0- ` for null, CRLF, Ctrl-Z.
 *
 * Streaming: every file is read row by row. The companions are joined to sdn.csv by a merge on ent_num
 * (OFAC publishes all four sorted by ent_num; an unsorted companion is read into memory instead). The only
 * index held in memory is primary name -> ent_nums and programs, for resolving `Linked To:` names.
 */
import { basename } from "node:path";
import { ofacNames } from "../../../db/queries/imports.ts";
import type { Runner } from "../../../db/queries/query.ts";
import { dateFromFileName } from "../../../model/dates.ts";
import { type CsvRow, readOfacCsv } from "../../readers/csv.ts";
import { type Importer, ImportInputError, type ImportItem, type Phase } from "../../types.ts";
import { OFAC_DATASET, ofacEntityId } from "./common.ts";
import { CompanionReader } from "./csv-companions.ts";
import { csvSource, fullRemarks, recordItems, splitPrograms } from "./csv-record.ts";
import { linkNameVariants, parseRemarks } from "./remarks.ts";

export interface OfacCsvFiles {
  sdn: string;
  alt?: string;
  add?: string;
  comments?: string;
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

/** The companion files: their columns and what the error messages call them. */
const COMPANIONS = {
  alt: { columns: 5, what: "alt.csv" },
  add: { columns: 6, what: "add.csv" },
  comments: { columns: 2, what: "sdn_comments.csv" },
} as const;
type Companion = keyof typeof COMPANIONS;

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
  private readonly sorted: Record<Companion, boolean> = { alt: true, add: true, comments: true };
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

  private date(file: string): string | undefined {
    return this.options.date ?? dateFromFileName(file);
  }

  private count(note: string): void {
    this.counts[note] = (this.counts[note] ?? 0) + 1;
  }

  /** Reads every file once (bad input fails here) and builds the name index the links are resolved with. */
  async check(): Promise<void> {
    const onlyNames = await this.indexNames();
    await this.checkCompanionOrder();
    await this.findLinkTargets(onlyNames);
  }

  /** Primary name -> ent_nums and programs; returns the names of the `only` records. */
  private async indexNames(): Promise<Set<string>> {
    const { sdn } = this.options.files;
    const only = this.options.only;
    const onlyNames = new Set<string>();
    let previous = -1;
    for await (const row of readOfacCsv(sdn, 12, "sdn.csv")) {
      const [entNum, name, , program] = row.fields as string[];
      if (!name) throw new ImportInputError(sdn, `line ${row.line}`, `record ${entNum} has no name`);
      if (Number(entNum) <= previous) this.count("unsortedSdnRows");
      previous = Number(entNum);
      this.rows++;
      const list = this.names.get(name) ?? [];
      list.push({ entNum, programs: splitPrograms(program) });
      this.names.set(name, list);
      if (only?.has(entNum)) onlyNames.add(name);
    }
    return onlyNames;
  }

  /** A companion not sorted by ent_num is read into memory instead of merged (see CompanionReader). */
  private async checkCompanionOrder(): Promise<void> {
    for (const [key, { columns, what }] of Object.entries(COMPANIONS) as [Companion, (typeof COMPANIONS)[Companion]][]) {
      const file = this.options.files[key];
      if (!file) continue;
      let last = -1;
      for await (const row of readOfacCsv(file, columns, what)) {
        const n = Number(row.fields[0]);
        if (n < last) this.sorted[key] = false;
        last = n;
      }
    }
  }

  /**
   * Counts the `Linked To` clauses to write (with `only`: those of the `only` records and those naming one) and
   * looks up in the graph the names that are no primary name here (OFAC records of an earlier import).
   */
  private async findLinkTargets(onlyNames: Set<string>): Promise<void> {
    if (this.options.only) this.linking = new Set(this.options.only);
    const wanted = new Set<string>();
    for await (const row of readOfacCsv(this.options.files.sdn, 12, "sdn.csv")) {
      const entNum = row.fields[0] as string;
      for (const target of parseRemarks(row.fields[11]).linkedTo) {
        const variants = linkNameVariants(target);
        if (this.linking && variants.some((v) => onlyNames.has(v))) this.linking.add(entNum);
        if (this.linking && !this.linking.has(entNum)) continue;
        this.linkCount++;
        if (!variants.some((v) => this.names.has(v))) for (const v of variants) wanted.add(v);
      }
    }
    if (!wanted.size || !this.options.graph) return;
    for (const r of await ofacNames(this.options.graph, { names: [...wanted] })) {
      const list = this.graphNames.get(r.name) ?? [];
      list.push({ entNum: r.id.replace(/^ofac-/, ""), programs: r.programs ?? [] });
      this.graphNames.set(r.name, list);
    }
  }

  phases(): Phase[] {
    return [
      { name: "records", expected: (this.options.only?.size ?? this.rows) * 3, items: () => this.records() },
      { name: "links", expected: this.linkCount, items: () => this.links() },
    ];
  }

  private companion(key: Companion): CompanionReader | undefined {
    const file = this.options.files[key];
    return file ? new CompanionReader(file, COMPANIONS[key].columns, COMPANIONS[key].what, this.sorted[key]) : undefined;
  }

  private async *records(): AsyncGenerator<ImportItem> {
    const { files, only } = this.options;
    const readers = { alt: this.companion("alt"), add: this.companion("add"), comments: this.companion("comments") };
    for await (const row of readOfacCsv(files.sdn, 12, "sdn.csv")) {
      const entNum = row.fields[0] as string;
      const n = Number(entNum);
      const record = {
        row,
        alt: (await readers.alt?.take(n)) ?? [],
        add: (await readers.add?.take(n)) ?? [],
        comments: (await readers.comments?.take(n)) ?? [],
      };
      if (only && !only.has(entNum)) continue;
      const source = (kind: string, title: string, file: keyof OfacCsvFiles, rows: CsvRow[]) =>
        csvSource(kind, title, entNum, rows, this.date(files[file] as string));
      yield* recordItems(record, source, () => this.count("remarksExtended"));
    }
    for (const [key, reader] of Object.entries(readers)) {
      if (!reader) continue;
      await reader.finish();
      if (reader.orphans) this.counts[`${key}RowsWithoutRecord`] = reader.orphans;
    }
  }

  /** `Linked To:` clauses -> LINKED_TO relationships, or mentions when the name is ambiguous or on no record. */
  private async *links(): AsyncGenerator<ImportItem> {
    const extension = this.companion("comments");
    for await (const row of readOfacCsv(this.options.files.sdn, 12, "sdn.csv")) {
      const [entNum, , , program] = row.fields as string[];
      const remarks = fullRemarks(row, (await extension?.take(Number(entNum))) ?? []);
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
