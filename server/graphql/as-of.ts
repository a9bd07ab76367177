/**
 * "As of" answers: date arguments (ISO 8601 days; partial dates YYYY-MM and YYYY allowed) and the entities a
 * query read for a past day, whose `sanctioned` is then computed for that day rather than read as "now".
 */
import type { EntityNode } from "../db/queries/rows.ts";
import { asOfDay, periodEndDay } from "../history/dates.ts";
import { badInput } from "./errors.ts";

function invalid(argument: string, value: string) {
  return badInput(argument, `must be an ISO date such as 2024-06-30 (or 2024-06, 2024), got "${value}".`);
}

/**
 * The `at` argument of the exposure queries: an ISO 8601 date, today (UTC) when left out. The read queries
 * compare it with stored dates on their common prefix, so partial dates cover their period.
 */
export function asOf(argument: string, value: string | null | undefined): string {
  if (value == null) return new Date().toISOString().slice(0, 10);
  if (!asOfDay(value)) throw invalid(argument, value);
  return value;
}

/** A date argument -> the day it means: its first day ("2022-03" -> 2022-03-01), or its last for inclusive ends. */
export function dayArgument(argument: string, value: string, end = false): string {
  const day = end ? periodEndDay(value) : asOfDay(value);
  if (!day) throw invalid(argument, value);
  return day;
}

/** The optional `at` of the graph queries (search, neighbourhood, paths, ...): null keeps today's graph. */
export const atArgument = (at: string | null | undefined): string | null => (at == null ? null : dayArgument("at", at));

/** The day each entity object was read for (objects of one request; nothing else holds them). */
const days = new WeakMap<EntityNode, string>();

/** Copies of the entities, marked as read for `day` (no day: the entities themselves, "now"). */
export function readOn<T extends EntityNode>(entities: T[], day: string | null): T[] {
  if (!day) return entities;
  return entities.map((e) => {
    const copy = { ...e };
    days.set(copy, day);
    return copy;
  });
}

export const dayOf = (entity: EntityNode): string | undefined => days.get(entity);
