import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

export type Kinds = { ADDED: string[]; REMOVED: string[]; AMENDED: string[] };

/** ent_num -> the row's trimmed cells, read with a plain CSV parser (independently of the importer). */
function records(file: string): Map<string, string> {
  const text = readFileSync(file, "latin1").replaceAll("\x1a", "");
  const rows: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true });
  return new Map(rows.map((r) => [r[0].trim(), JSON.stringify(r.slice(1).map((c) => c.trim()))]));
}

export const fileDate = (file: string) => /(\d{4}-\d{2}-\d{2})/.exec(file)?.[1] as string;

/** ADDED/REMOVED/AMENDED ent_nums (sorted) between consecutive non-empty snapshots, straight from the files. */
export function csvChanges(files: string[]): Record<string, Kinds> {
  const byDate: Record<string, Kinds> = {};
  let previous = new Map<string, string>();
  for (const file of [...files].sort((a, b) => fileDate(a).localeCompare(fileDate(b)))) {
    const current = records(file);
    if (!current.size) continue;
    const kinds: Kinds = { ADDED: [], REMOVED: [], AMENDED: [] };
    for (const [id, row] of current) {
      if (!previous.has(id)) kinds.ADDED.push(id);
      else if (previous.get(id) !== row) kinds.AMENDED.push(id);
    }
    for (const id of previous.keys()) if (!current.has(id)) kinds.REMOVED.push(id);
    for (const list of Object.values(kinds)) list.sort();
    byDate[fileDate(file)] = kinds;
    previous = current;
  }
  return byDate;
}
