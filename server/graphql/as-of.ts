import { badInput } from "./errors.ts";

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * The `at` argument: an ISO 8601 date (YYYY-MM-DD, or a partial YYYY-MM / YYYY), today (UTC) when left out.
 * The read queries compare it with stored dates on their common prefix, so partial dates cover their period.
 */
export function asOf(argument: string, value: string | null | undefined): string {
  if (value == null) return new Date().toISOString().slice(0, 10);
  if (!ISO_DATE.test(value)) throw badInput(argument, `must be an ISO date such as 2024-06-30 (or 2024-06, 2024), got "${value}".`);
  return value;
}
