/**
 * Bulk screening: reads a CSV of parties (columns name, schema, birthDate, country, identifiers; several countries
 * or identifiers separated by ";"), checks every row before screening any, and writes each row's top candidates
 * as CSV or JSON lines. Shared by `npm run screen` and the tests; the client screens through the API (`screen`).
 */
import { parse } from "csv-parse/sync";
import { InputError } from "../cli.ts";
import type { Graph } from "../db/graph.ts";
import { checkMatchQuery, MatchInputError } from "./input.ts";
import { DEFAULT_THRESHOLD, match, type ScoredHit } from "./match.ts";
import type { MatchQuery } from "./score.ts";

export const SCREEN_COLUMNS = ["name", "schema", "birthDate", "country", "identifiers"] as const;
/** Most rows in one file. */
export const MAX_SCREEN_ROWS = 100_000;

/** A malformed file or row: the CLI exits 1 with the message (file, line, column). */
export class ScreenInputError extends InputError {}

export interface ScreenRow {
  line: number;
  query: MatchQuery;
}

const split = (value: string | undefined) =>
  value
    ?.split(";")
    .map((v) => v.trim())
    .filter(Boolean) ?? [];

/** Parses and checks a screening CSV; the first problem is an error naming the file, line and column. */
export function parseScreenCsv(text: string, file = "input"): ScreenRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (error) {
    throw new ScreenInputError(`${file}: malformed CSV: ${(error as Error).message}`);
  }
  if (!records.length) throw new ScreenInputError(`${file}: empty; expected a header line with ${SCREEN_COLUMNS.join(", ")}.`);
  const header = records[0].map((h) => h.trim());
  if (!header.includes("name")) throw new ScreenInputError(`${file}, line 1: no "name" column; columns: ${SCREEN_COLUMNS.join(", ")}.`);
  const unknown = header.filter((h) => !(SCREEN_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    throw new ScreenInputError(`${file}, line 1: unknown column(s) ${unknown.join(", ")}; columns: ${SCREEN_COLUMNS.join(", ")}.`);
  if (records.length - 1 > MAX_SCREEN_ROWS)
    throw new ScreenInputError(`${file}: ${records.length - 1} rows; at most ${MAX_SCREEN_ROWS} per file.`);
  return records.slice(1).map((values, i) => {
    const line = i + 2;
    const cell = Object.fromEntries(header.map((h, j) => [h, values[j]])) as Record<string, string | undefined>;
    try {
      const query = checkMatchQuery({
        name: cell.name ?? "",
        schema: cell.schema || null,
        birthDate: cell.birthDate || null,
        countries: cell.country ? split(cell.country) : null,
        identifiers: cell.identifiers ? split(cell.identifiers) : null,
      });
      return { line, query };
    } catch (error) {
      if (error instanceof MatchInputError) throw new ScreenInputError(`${file}, line ${line}, ${error.field}: ${error.message}`);
      throw error;
    }
  });
}

export interface ScreenResult {
  line: number;
  query: MatchQuery;
  candidates: ScoredHit[];
}

export interface ScreenOptions {
  first?: number;
  threshold?: number;
  onRow?: (result: ScreenResult) => void;
}

/** Screens rows one after the other (a file must not take every database connection). */
export async function screenRows(graph: Graph, rows: ScreenRow[], options: ScreenOptions = {}) {
  const first = options.first ?? 3;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const summary = { rows: rows.length, matched: 0, candidates: 0 };
  for (const row of rows) {
    const candidates = (await match(graph, row.query)).slice(0, first);
    if (candidates.some((c) => c.score >= threshold)) summary.matched++;
    summary.candidates += candidates.length;
    options.onRow?.({ ...row, candidates });
  }
  return summary;
}

const csvCell = (value: unknown) => {
  const text = String(value ?? "");
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const RESULT_CSV_HEADER = [
  "line",
  "name",
  "rank",
  "score",
  "match",
  "entityId",
  "entityName",
  "matchedName",
  "schema",
  "datasets",
  "features",
];

/** A result as CSV lines: one per candidate, or one with empty candidate columns when there is none. */
export function resultCsvLines(result: ScreenResult, threshold: number): string[] {
  const rows = result.candidates.length
    ? result.candidates.map((c, i) => [
        result.line,
        result.query.name,
        i + 1,
        c.score,
        c.score >= threshold,
        c.entity.id,
        c.entity.name,
        c.matchedName,
        c.entity.schema,
        ((c.entity.datasets as string[] | undefined) ?? []).join(";"),
        c.features.map((f) => `${f.name} ${f.contribution >= 0 ? "+" : ""}${f.contribution}: ${f.value}`).join(" | "),
      ])
    : [[result.line, result.query.name, "", "", false, "", "", "", "", "", ""]];
  return rows.map((r) => r.map(csvCell).join(","));
}

/** A result as one JSON line. */
export function resultJsonLine(result: ScreenResult, threshold: number): string {
  return JSON.stringify({
    line: result.line,
    query: result.query,
    candidates: result.candidates.map((c) => ({
      score: c.score,
      match: c.score >= threshold,
      id: c.entity.id,
      name: c.entity.name,
      matchedName: c.matchedName,
      schema: c.entity.schema,
      datasets: c.entity.datasets ?? [],
      features: c.features,
    })),
  });
}
