/**
 * A companion file of the OFAC CSV set (alt.csv, add.csv, sdn_comments.csv) read alongside sdn.csv: OFAC publishes
 * all four sorted by ent_num, so each companion is merged in as sdn.csv is read; an unsorted one is read into memory.
 */
import { type CsvRow, readOfacCsv } from "../../readers/csv.ts";

/** Groups a sorted companion file by ent_num and hands out the group for each ent_num asked for, in order. */
export class CompanionReader {
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
    const rows: CsvRow[] = [];
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
      rows.push(row);
    }
    return rows;
  }

  async finish(): Promise<void> {
    if (this.memory) {
      for (const rows of this.memory.values()) this.orphans += rows.length;
      return;
    }
    while (await this.next()) this.orphans++;
  }
}
