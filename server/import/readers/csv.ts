import { parse } from "csv-parse";
import { ImportInputError } from "../types.ts";
import { readText } from "./text.ts";

export interface CsvRow {
  fields: (string | undefined)[];
  /** The row as it stands in the file, without the line break (the excerpt a Source cites). */
  raw: string;
  line: number;
}

/** OFAC ends its files with a Ctrl-Z (0x1A) byte. */
const CTRL_Z = String.fromCharCode(0x1a);

/** OFAC writes a missing value as `-0- ` (with a trailing space). */
function value(field: string): string | undefined {
  const v = field.trim();
  return v === "" || v === "-0-" ? undefined : v;
}

/**
 * Streams an OFAC CSV file (no header, CRLF or LF, a trailing Ctrl-Z) row by row. A row with another
 * number of columns, an ent_num that is not a whole number, or a quote left open (a truncated file) is an
 * ImportInputError naming the file and line.
 */
export async function* readOfacCsv(file: string, columns: number, what: string): AsyncGenerator<CsvRow> {
  const source = readText(file);
  const parser = source.pipe(parse({ relax_column_count: true, skip_empty_lines: true, bom: true, info: true, raw: true }));
  // pipe() does not pass a read error on; without this a file that vanishes mid-read would leave the loop waiting.
  source.on("error", (error) => parser.destroy(error));
  let count = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      const { record, info, raw } = item;
      if (record.length === 1 && record[0].replaceAll(CTRL_Z, "").trim() === "") continue;
      const line = info.lines;
      if (record.length !== columns) {
        throw new ImportInputError(
          file,
          `line ${line}`,
          `expected ${columns} columns of an OFAC ${what} row, found ${record.length}${count === 0 ? ` (is this an OFAC ${what} file?)` : ""}`,
        );
      }
      if (!/^\d+$/.test(record[0].trim())) {
        throw new ImportInputError(file, `line ${line}`, `ent_num "${record[0].slice(0, 40)}" is not a whole number`);
      }
      count++;
      yield { fields: record.map(value), raw: raw.replace(/\r?\n$/, ""), line };
    }
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    const e = error as { code?: string; lines?: number; message?: string; name?: string };
    if (e.name === "CsvError" || e.code?.startsWith("CSV_") || /QUOTE/.test(e.code ?? "")) {
      const hint = /QUOTE_NOT_CLOSED/.test(e.code ?? "")
        ? " (the file looks truncated)"
        : count === 0
          ? ` (is this an OFAC ${what} file?)`
          : "";
      const detail = (e.message ?? "").split(",")[0].replace(/^Quote Not Closed: /, "");
      throw new ImportInputError(file, e.lines ? `line ${e.lines}` : "", `not readable as CSV: ${detail}${hint}`);
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new ImportInputError(file, "", "no such file");
    throw error;
  }
  if (count === 0) throw new ImportInputError(file, "", `no OFAC ${what} rows found (empty or wrong file)`);
}
