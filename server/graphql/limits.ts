import { RELATIONSHIP_TYPE_NAMES, SCHEMATA } from "../model/vocabulary.ts";
import { badInput } from "./errors.ts";
import type { Limits } from "./generated.ts";

/** Bounds on every argument that sizes a query; every one is published in `metadata.limits` (the compiler checks). */
export const LIMITS = {
  maxHops: 6,
  maxPathHops: 5,
  maxK: 10,
  maxPaths: 50,
  maxDepth: 3,
  maxNeighbourhood: 500,
  maxSearchPage: 100,
  maxRelationshipsPage: 200,
  maxIds: 200,
  maxSubgraphIds: 500,
  maxExposureHops: 4,
  maxExposurePage: 100,
  maxExposureParties: 1000,
  maxOwnershipDepth: 8,
  maxOwnershipLinks: 2000,
  maxHubs: 100,
  /** Search text: a name is far shorter; a longer text only costs Neo4j (a fuzzy clause per word). */
  maxSearchLength: 200,
  /** One search word: Lucene's fuzzy matching of a very long word runs for seconds in Neo4j, past any timeout. */
  maxWordLength: 50,
  /** Values in a list argument that is not bounded otherwise (avoid, countries). */
  maxListValues: 100,
  /** Largest offset a cursor may carry: far past any real page, far below Neo4j's 32-bit SKIP/slice bounds. */
  maxOffset: 100_000,
} as const satisfies Omit<Limits, "__typename">;

export function intInRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(argument, `must be a whole number from ${min} to ${max}, got ${value}.`);
  return value;
}

function checkList(argument: string, values: readonly string[] | null | undefined, allowed: readonly string[]): string[] | null {
  if (values == null) return null;
  const unknown = values.filter((v) => !allowed.includes(v));
  if (unknown.length)
    throw badInput(argument, `unknown value(s) ${unknown.map((v) => `"${v}"`).join(", ")}; allowed: ${allowed.join(", ")}.`);
  return [...new Set(values)];
}

/** Relationship types from arguments, checked against the vocabulary; all types when none are given. */
export function relationshipTypes(argument: string, values: readonly string[] | null | undefined): string[] {
  const checked = checkList(argument, values, RELATIONSHIP_TYPE_NAMES);
  if (checked && !checked.length) throw badInput(argument, "must name at least one type, or be left out for all types.");
  return checked ?? [...RELATIONSHIP_TYPE_NAMES];
}

export function schemata(argument: string, values: readonly string[] | null | undefined): string[] | null {
  return checkList(argument, values, SCHEMATA);
}

/** A list argument with at most `max` values. */
export function boundedList<T>(argument: string, values: readonly T[] | null | undefined, max: number = LIMITS.maxListValues) {
  if (values && values.length > max) throw badInput(argument, `at most ${max} values, got ${values.length}.`);
  return values;
}

/** A text's words as the length limits count them: NFKC (look-alike letters become plain ones), split on anything but letters and digits. */
function searchWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Search text within the length limits, checked before any query is built from it. */
export function searchText(argument: string, text: string): string {
  if (text.length > LIMITS.maxSearchLength) throw badInput(argument, `at most ${LIMITS.maxSearchLength} characters, got ${text.length}.`);
  const long = searchWords(text).find((w) => w.length > LIMITS.maxWordLength);
  if (long)
    throw badInput(argument, `words of at most ${LIMITS.maxWordLength} letters, got one of ${long.length} ("${long.slice(0, 20)}...").`);
  return text;
}
