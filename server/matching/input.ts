/**
 * Checks a screening query (from the API, a CSV row or a JSON line) before anything runs: one home for the rules,
 * so `match`, `screen` and `npm run screen` reject the same input with the same message.
 */
import { isSchema, SCHEMATA } from "../model/vocabulary.ts";
import type { MatchQuery } from "./score.ts";

/** Bounds of one query and of one batch. */
export const MATCH_LIMITS = { maxNameLength: 300, maxListItems: 20, maxFirst: 50, maxScreenEntries: 100 } as const;

export class MatchInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A date of birth as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar. */
export function checkDate(field: string, value: string): string {
  const m = DATE.exec(value.trim());
  const [year, month, day] = [Number(m?.[1]), Number(m?.[2] ?? 1), Number(m?.[3] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!m || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    throw new MatchInputError(field, `must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${value}".`);
  return value.trim();
}

function list(field: string, values: readonly string[] | null | undefined, check: (v: string) => boolean, what: string): string[] | null {
  if (values == null) return null;
  if (values.length > MATCH_LIMITS.maxListItems)
    throw new MatchInputError(field, `at most ${MATCH_LIMITS.maxListItems} values, got ${values.length}.`);
  const bad = values.find((v) => !check(v));
  if (bad !== undefined) throw new MatchInputError(field, `${what}, got "${bad}".`);
  return values.map((v) => v.trim());
}

export function checkMatchQuery(input: MatchQuery): MatchQuery {
  const name = input.name?.trim() ?? "";
  if (!/[\p{L}\p{N}]/u.test(name)) throw new MatchInputError("name", "must contain at least one letter or digit.");
  if (name.length > MATCH_LIMITS.maxNameLength)
    throw new MatchInputError("name", `at most ${MATCH_LIMITS.maxNameLength} characters, got ${name.length}.`);
  if (input.schema && !isSchema(input.schema))
    throw new MatchInputError("schema", `unknown schema "${input.schema}"; allowed: ${SCHEMATA.join(", ")}.`);
  return {
    name,
    schema: input.schema || null,
    birthDate: input.birthDate ? checkDate("birthDate", input.birthDate) : null,
    countries: list(
      "countries",
      input.countries,
      (c) => /^[a-zA-Z]{2}$/.test(c.trim()),
      "each must be an ISO 3166-1 alpha-2 code such as kp",
    ),
    identifiers: list("identifiers", input.identifiers, (v) => v.trim().length > 0 && v.length <= 100, "each must be 1 to 100 characters"),
    relatedNames: list(
      "relatedNames",
      input.relatedNames,
      (v) => /[\p{L}\p{N}]/u.test(v) && v.length <= MATCH_LIMITS.maxNameLength,
      "each must be a name",
    ),
  };
}
