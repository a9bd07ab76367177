import { RELATIONSHIP_TYPE_NAMES, SCHEMATA } from "../model/vocabulary.ts";
import { badInput } from "./errors.ts";

/** Bounds on every argument that sizes a query; they are published in `metadata.limits`. */
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
} as const;

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
