/**
 * FollowTheMoney JSON lines, read and checked line by line: one entity per line (or a delta `{"op", "entity"}`
 * line), its schema one of followthemoney's, its properties lists of strings, its edge/sanction/identification
 * ends present. A bad line is an ImportInputError naming the file and line.
 */
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { FTM_VERSION, schemaKind } from "../../model/ftm.ts";
import { typeForEdgeSchema } from "../../model/vocabulary.ts";
import { ImportInputError } from "../types.ts";
import { readText } from "./text.ts";

export interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  referents?: string[];
  target?: boolean;
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
}

interface Line {
  entity: FtmEntity;
  line: number;
  text: string;
}

/**
 * Streams the lines of an FtM file, each parsed and checked; a bad line is an ImportInputError naming it.
 * `skip(line)` leaves lines out unparsed (a pass that already knows which lines it wants).
 */
export async function* readFtm(file: string, skip?: (line: number) => boolean): AsyncGenerator<Line> {
  let lineNumber = 0;
  let lines: AsyncIterable<string>;
  try {
    await stat(file);
    lines = createInterface({ input: readText(file), crlfDelay: Number.POSITIVE_INFINITY });
  } catch {
    throw new ImportInputError(file, "", "no such file");
  }
  for await (const text of lines) {
    lineNumber++;
    if (skip?.(lineNumber) || !text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ImportInputError(
        file,
        `line ${lineNumber}`,
        `not a JSON object (${(error as Error).message}); is this an FtM JSON lines file?`,
      );
    }
    const envelope = value as { op?: string; entity?: unknown };
    if (envelope && typeof envelope === "object" && typeof envelope.op === "string") {
      if (envelope.op === "DEL")
        throw new ImportInputError(file, `line ${lineNumber}`, "DEL deltas are not supported; import the full file");
      value = envelope.entity;
    }
    yield { entity: validate(file, lineNumber, value), line: lineNumber, text };
  }
}

function validate(file: string, line: number, value: unknown): FtmEntity {
  const fail = (detail: string): never => {
    throw new ImportInputError(file, `line ${line}`, detail);
  };
  if (!value || typeof value !== "object" || Array.isArray(value)) fail("not an FtM entity (expected a JSON object)");
  const e = value as FtmEntity;
  if (typeof e.id !== "string" || !e.id) fail("entity without an id");
  if (typeof e.schema !== "string") fail(`entity ${e.id} without a schema`);
  const known = schemaKind(e.schema);
  if (!known) fail(`entity ${e.id}: unknown FtM schema "${e.schema}" (not a concrete schema of followthemoney ${FTM_VERSION})`);
  if (!e.properties || typeof e.properties !== "object" || Array.isArray(e.properties)) fail(`entity ${e.id} without properties`);
  for (const [key, values] of Object.entries(e.properties)) {
    if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) {
      fail(`entity ${e.id}: property "${key}" is not a list of strings`);
    }
  }
  const kind = schemaKind(e.schema);
  if (kind === "edge") {
    const def = typeForEdgeSchema(e.schema);
    if (!def) fail(`entity ${e.id}: no relationship type for ${e.schema}`);
    const ends = def as NonNullable<typeof def>;
    if (!e.properties[ends.ftm.source]?.length || !e.properties[ends.ftm.target]?.length) {
      fail(`${e.schema} ${e.id} lacks its "${ends.ftm.source}" or "${ends.ftm.target}"`);
    }
  }
  if (kind === "sanction" && !e.properties.entity?.length) fail(`Sanction ${e.id} lacks its "entity"`);
  if (kind === "identification" && !e.properties.holder?.length) fail(`${e.schema} ${e.id} lacks its "holder"`);
  if (kind === "node" && !e.properties.name?.length && !e.caption) fail(`${e.schema} ${e.id} has neither a name nor a caption`);
  return e;
}
