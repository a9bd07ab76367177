/**
 * Checks of curation input, before any query: sources, FtM properties, dates, sizes. Each failure is a
 * BAD_USER_INPUT naming the field. Ids of what a write creates derive from its client-supplied id, so a retried
 * write can never create a second copy.
 */
import { createHash } from "node:crypto";
import { badInput } from "../graphql/errors.ts";
import { propertyType } from "../model/ftm.ts";
import { EDGE_INTERNAL, NODE_INTERNAL } from "../model/properties.ts";
import type { SourceRecord } from "../model/records.ts";

/** The dataset of every analyst-made fact; importers never write it, so they never overwrite or remove these facts. */
export const ANALYST_DATASET = "analyst";

export const CURATION_LIMITS = {
  maxSources: 10,
  maxProperties: 50,
  maxValuesPerProperty: 50,
  maxValueLength: 5_000,
  maxClientIdLength: 100,
} as const;

export interface SourceInput {
  url?: string | null;
  title?: string | null;
  publisher: string;
  date?: string | null;
  excerpt?: string | null;
}

export interface PropertyInput {
  name: string;
  values: string[];
}

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const hash = (text: string, length = 20) => createHash("sha256").update(text).digest("hex").slice(0, length);

/** The id a write creates (an entity or relationship): the same client id always gives the same id. */
export const createdId = (clientId: string) => `analyst-${hash(clientId)}`;

/** A digest of a write's input: a client id reused for a different write is refused. */
export const inputDigest = (operation: string, input: unknown) => hash(`${operation}\n${JSON.stringify(input)}`, 32);

export function clientId(value: string): string {
  const id = value.trim();
  if (!id || id.length > CURATION_LIMITS.maxClientIdLength)
    throw badInput(
      "input.clientId",
      `must be 1 to ${CURATION_LIMITS.maxClientIdLength} characters (a UUID the client makes once per write).`,
    );
  return id;
}

function text(field: string, value: string | null | undefined, max: number, required = false): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) {
    if (required) throw badInput(field, "is required.");
    return undefined;
  }
  if (trimmed.length > max) throw badInput(field, `is ${trimmed.length} characters long; at most ${max}.`);
  return trimmed;
}

export function partialDate(field: string, value: string | null | undefined): string | undefined {
  const date = value?.trim();
  if (!date) return undefined;
  if (!PARTIAL_DATE.test(date))
    throw badInput(field, `must be an ISO 8601 date such as 2024, 2024-03 or 2024-03-15, got "${date.slice(0, 40)}".`);
  return date;
}

/**
 * Sources of a write, at least one: each needs a publisher and a URL or a document title. A source's id is a
 * digest of its content, so citing the same document twice makes one Source node.
 */
export function sources(values: SourceInput[] | null | undefined): SourceRecord[] {
  if (!values?.length)
    throw badInput("input.sources", "every write needs at least one source (a URL or document title, and its publisher).");
  if (values.length > CURATION_LIMITS.maxSources) throw badInput("input.sources", `at most ${CURATION_LIMITS.maxSources} sources.`);
  return values.map((source, i) => {
    const field = `input.sources[${i}]`;
    const url = text(`${field}.url`, source.url, 2_000);
    if (url && !/^https?:\/\/[^\s/]+/i.test(url)) throw badInput(`${field}.url`, "must be an http(s) URL.");
    const title = text(`${field}.title`, source.title, 500);
    if (!url && !title) throw badInput(field, "needs a URL or a document title.");
    const record = {
      publisher: text(`${field}.publisher`, source.publisher, 200, true) as string,
      title: title ?? url ?? "",
      url,
      date: partialDate(`${field}.date`, source.date),
      excerpt: text(`${field}.excerpt`, source.excerpt, CURATION_LIMITS.maxValueLength),
    };
    const clean = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Omit<SourceRecord, "id">;
    return { id: `analyst-source-${hash(JSON.stringify(clean))}`, ...clean };
  });
}

/**
 * FtM properties as lists of strings, checked against the FtM model: each must be a property of `schema` (an entity
 * schema, or a relationship's FtM edge schema) and not one the graph keeps for itself; dates must be ISO dates.
 */
export function properties(
  field: string,
  values: PropertyInput[] | null | undefined,
  schema: string,
  kind: "entity" | "edge",
): Record<string, string[]> {
  const list = values ?? [];
  if (list.length > CURATION_LIMITS.maxProperties) throw badInput(field, `at most ${CURATION_LIMITS.maxProperties} properties.`);
  const out: Record<string, string[]> = {};
  for (const [i, { name, values: raw }] of list.entries()) {
    const where = `${field}[${i}]`;
    const internal = kind === "entity" ? name !== "name" && NODE_INTERNAL.has(name) : EDGE_INTERNAL.has(name);
    const type = propertyType(schema, name);
    if (!type || internal || type === "entity")
      throw badInput(`${where}.name`, `"${name.slice(0, 64)}" is not a property of ${schema} that can be written here.`);
    if (raw.length > CURATION_LIMITS.maxValuesPerProperty)
      throw badInput(`${where}.values`, `at most ${CURATION_LIMITS.maxValuesPerProperty} values.`);
    const clean = raw.map((v, j) => text(`${where}.values[${j}]`, v, CURATION_LIMITS.maxValueLength)).filter((v): v is string => !!v);
    if (!clean.length) throw badInput(`${where}.values`, "needs at least one non-empty value.");
    if (type === "date") for (const [j, v] of clean.entries()) partialDate(`${where}.values[${j}]`, v);
    out[name] = [...new Set([...(out[name] ?? []), ...clean])];
  }
  return out;
}

export function optionalText(field: string, value: string | null | undefined, max = 500): string | undefined {
  return text(field, value, max);
}

export function requiredText(field: string, value: string | null | undefined, max = 2_000): string {
  return text(field, value, max, true) as string;
}
