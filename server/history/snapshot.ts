/**
 * One dated snapshot of a list, read into memory as record id -> content (fields and a content hash). The hash
 * is what the history stores per record version, so that applying a snapshot compares hashes and writes only
 * the records that changed.
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { readOfacCsv } from "../import/readers/csv.ts";
import { ImportInputError } from "../import/types.ts";
import { isValidDay } from "./dates.ts";

/** The columns of OFAC's legacy sdn.csv after ent_num, named as the change events report them. */
export const OFAC_FIELDS = [
  "name",
  "type",
  "programs",
  "title",
  "callSign",
  "vesselType",
  "tonnage",
  "grossRegisteredTonnage",
  "vesselFlag",
  "vesselOwner",
  "remarks",
] as const;

export interface RecordContent {
  hash: string;
  /** Values in OFAC_FIELDS order; null where the list has `-0-`. */
  fields: (string | null)[];
}

/** A record as a snapshot holds it: its content and its line as written in the file. */
export interface SnapshotRecord extends RecordContent {
  raw: string;
}

export interface FieldChange {
  field: string;
  old: string | null;
  new: string | null;
}

export function contentHash(fields: (string | null)[]): string {
  return createHash("sha1").update(JSON.stringify(fields)).digest("hex");
}

/** The fields whose values differ between two versions of a record. */
export function changedFields(before: (string | null)[], after: (string | null)[]): FieldChange[] {
  const changes: FieldChange[] = [];
  OFAC_FIELDS.forEach((field, i) => {
    if ((before[i] ?? null) !== (after[i] ?? null)) changes.push({ field, old: before[i] ?? null, new: after[i] ?? null });
  });
  return changes;
}

/** The snapshot date: `--as-of`, else a full date in the file name, else a clear refusal. */
export function snapshotDate(file: string, asOf?: string): string {
  if (asOf !== undefined) {
    if (!isValidDay(asOf)) throw new ImportInputError(file, "", `--as-of "${asOf}" is not a date (YYYY-MM-DD)`);
    return asOf;
  }
  const m = /(\d{4}-\d{2}-\d{2})/.exec(file.split(/[\\/]/).pop() ?? "");
  if (!m || !isValidDay(m[1]))
    throw new ImportInputError(
      file,
      "",
      "no snapshot date: the file name holds no YYYY-MM-DD date; give the day the list was published with --as-of YYYY-MM-DD",
    );
  return m[1];
}

/** Reads an OFAC legacy sdn.csv snapshot whole. Empty, truncated or unparsable files are refused here. */
export async function readOfacSnapshot(file: string): Promise<Map<string, SnapshotRecord>> {
  if (statSync(file).size === 0) throw new ImportInputError(file, "", "is empty (0 bytes), e.g. a failed download; refused");
  const records = new Map<string, SnapshotRecord>();
  for await (const row of readOfacCsv(file, 12, "sdn.csv")) {
    const id = row.fields[0] as string;
    if (records.has(id)) throw new ImportInputError(file, `line ${row.line}`, `ent_num ${id} appears twice`);
    const fields = row.fields.slice(1).map((v) => v ?? null);
    if (!fields[0]) throw new ImportInputError(file, `line ${row.line}`, `record ${id} has no name`);
    records.set(id, { hash: contentHash(fields), fields, raw: row.raw });
  }
  return records;
}
