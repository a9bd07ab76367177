/**
 * One OFAC SDN CSV record -> items: its sdn.csv row with the rows the companions hold for its ent_num (aliases,
 * addresses, the rest of cut remarks) become the entity's FtM properties, one Source per file that states them,
 * and one Sanction per program. Pure: no file or database access.
 */
import { countryCode } from "../../../model/countries.ts";
import type { SourceRecord } from "../../../model/records.ts";
import { EntityBuilder } from "../../entity-builder.ts";
import type { CsvRow } from "../../readers/csv.ts";
import type { ImportItem } from "../../types.ts";
import { OFAC_DATASET, OFAC_PUBLISHER, OFAC_URL, ofacEntityId, ofacSanctionId } from "./common.ts";
import { parseRemarks } from "./remarks.ts";

/** OFAC remarks longer than this are cut in sdn.csv and continued in sdn_comments.csv. */
const REMARKS_LIMIT = 1000;

const SCHEMA_BY_TYPE: Record<string, string> = { individual: "Person", vessel: "Vessel", aircraft: "Airplane" };

/** The files of the set, for the sources' titles and dates. */
export interface CsvFileDates {
  sdn?: string;
  alt?: string;
  add?: string;
  comments?: string;
}

/** One record's rows: its sdn.csv row and the companion rows with its ent_num. */
export interface CsvRecord {
  row: CsvRow;
  alt: CsvRow[];
  add: CsvRow[];
  comments: CsvRow[];
}

type Add = EntityBuilder["add"];

export function splitPrograms(field: string | undefined): string[] {
  if (!field) return [];
  return field
    .replace(/^\[|\]$/g, "")
    .split("] [")
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The remarks, continued from sdn_comments.csv when sdn.csv cut them at OFAC's 1,000-character limit. */
export function fullRemarks(row: CsvRow, comments: CsvRow[]): string {
  const remarks = row.fields[11] ?? "";
  if (!comments.length || remarks.length < REMARKS_LIMIT) return remarks;
  return remarks + comments.map((r) => r.fields[1] ?? "").join("");
}

/** sdn.csv's vessel columns (call sign, type, tonnage, GRT, flag, owner); an aircraft has only the first two. */
function craftColumns(schema: string, fields: CsvRow["fields"], add: Add): void {
  const [, , , , , callSign, vesselType, tonnage, grt, flag, owner] = fields;
  if (schema !== "Vessel" && schema !== "Airplane") return;
  add("callSign", callSign);
  add("type", vesselType);
  if (schema === "Airplane") return;
  add("tonnage", tonnage);
  add("grossRegisteredTonnage", grt);
  const code = countryCode(flag);
  if (code) add("flag", code);
  else if (flag) add("notes", `Vessel flag ${flag}`);
  if (owner) add("notes", `Vessel owner ${owner}`);
}

/** alt.csv rows: fka -> previousName, aka/nka -> alias; an alias's remarks go to notes. */
function alternateNames(rows: CsvRow[], add: Add): void {
  for (const r of rows) {
    const [, , altType, altName, altRemarks] = r.fields;
    if (!altName) continue;
    add(altType?.toLowerCase() === "fka" ? "previousName" : "alias", altName);
    if (altRemarks) add("notes", `${altName}: ${altRemarks}`);
  }
}

/** add.csv rows: the address as one line, its country as a code, its remarks to notes. */
function addresses(rows: CsvRow[], add: Add): void {
  for (const r of rows) {
    const [, , street, city, countryName, addRemarks] = r.fields;
    const text = [street, city, countryName].filter(Boolean).join(", ");
    add("address", text);
    add("country", countryCode(countryName));
    if (addRemarks) add("notes", `${text}: ${addRemarks}`);
  }
}

/**
 * The items of one record. `source(kind, title, file, rows)` makes the Source a file's rows state (with the file's
 * date); `extended` is told when the remarks continued in sdn_comments.csv.
 */
export function recordItems(
  { row, alt, add, comments }: CsvRecord,
  source: (kind: string, title: string, file: keyof CsvFileDates, rows: CsvRow[]) => SourceRecord,
  extended: () => void,
): Generator<ImportItem> {
  const [entNum, name, type, program, title, , , , , , , remarksField] = row.fields as string[];
  const schema = SCHEMA_BY_TYPE[type ?? ""] ?? "Organization";
  const entity = new EntityBuilder(ofacEntityId(entNum), schema, [OFAC_DATASET]);
  entity.source(source("sdn", "Specially Designated Nationals List (sdn.csv)", "sdn", [row]));
  const remarks = fullRemarks(row, comments);
  if (remarks !== (remarksField ?? "")) {
    entity.source(source("comments", "Specially Designated Nationals List, remarks (sdn_comments.csv)", "comments", comments));
    extended();
  }
  entity.merge(parseRemarks(remarks).properties);
  entity.add("name", name);
  entity.add("topics", "sanction");
  const programs = splitPrograms(program);
  for (const p of programs) entity.add("program", p);
  if (title) entity.add(schema === "Person" ? "position" : "notes", title);
  craftColumns(schema, row.fields, entity.add);
  alternateNames(alt, entity.add);
  if (alt.length) entity.source(source("alt", "Specially Designated Nationals List, alternate names (alt.csv)", "alt", alt));
  addresses(add, entity.add);
  if (add.length) entity.source(source("add", "Specially Designated Nationals List, addresses (add.csv)", "add", add));
  const cited = [entity.sources[0].id];
  for (const p of programs)
    entity.sanction({ id: ofacSanctionId(entNum, p, programs), authority: OFAC_PUBLISHER, program: p, sourceIds: cited });
  return entity.items();
}

/** The Source a file's rows state for one record (`ofac-<kind>-<ent_num>`). */
export function csvSource(kind: string, title: string, entNum: string, rows: CsvRow[], date: string | undefined): SourceRecord {
  return {
    id: `ofac-${kind}-${entNum}`,
    publisher: OFAC_PUBLISHER,
    title,
    url: OFAC_URL,
    date,
    recordId: entNum,
    excerpt: rows.map((r) => r.raw).join("\n"),
  };
}
