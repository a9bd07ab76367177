/**
 * "As of" answers: date arguments (ISO 8601 days; partial dates YYYY-MM and YYYY allowed) and the entities a
 * query read for a past day, whose `sanctioned` is then computed for that day rather than read as "now".
 */
import type { EntityNode, RelationshipValue } from "../db/queries/rows.ts";
import { asOfDay, periodEndDay, today } from "../history/dates.ts";
import { badInput } from "./errors.ts";

function invalid(argument: string, value: string) {
  return badInput(argument, `must be an ISO date such as 2024-06-30 (or 2024-06, 2024), got "${value}".`);
}

/**
 * A date argument -> the day it means. Partial dates stand for their first day ("2022-03" -> 2022-03-01), or for
 * their last one (`end`, for inclusive ends such as `listChanges(to:)`). Every query then compares one full day
 * with stored dates, which may be partial (cypher/read/parts/valid-at.cypher, sanction-in-force.cypher).
 */
export function dayArgument(argument: string, value: string, end = false): string {
  const day = end ? periodEndDay(value) : asOfDay(value);
  if (!day) throw invalid(argument, value);
  return day;
}

/** The optional `at` of the graph queries (search, neighbourhood, paths, hubs, ...): null keeps today's graph. */
export const atArgument = (at: string | null | undefined): string | null => (at == null ? null : dayArgument("at", at));

/**
 * The `at` of the questions that always need a day (exposure, ownership): today (UTC) when left out. `past` tells
 * their queries that the day is before today, so parties delisted since may have been listed then
 * (cypher/read/parts/maybe-sanctioned.cypher).
 */
export function dayOrToday(at: string | null | undefined): { at: string; past: boolean } {
  const now = today();
  const day = atArgument(at) ?? now;
  return { at: day, past: day < now };
}

/**
 * The day each entity or relationship object was read for (objects of one request; nothing else holds them).
 * An entity read for a day answers `sanctioned` for that day; a relationship gives its ends read for that day.
 */
const days = new WeakMap<EntityNode | RelationshipValue, string>();

/** Copies of the entities or relationships, marked as read for `day` (no day: the objects themselves, "now"). */
export function readOn<T extends EntityNode | RelationshipValue>(objects: T[], day: string | null): T[] {
  if (!day) return objects;
  return objects.map((o) => {
    const copy = { ...o };
    days.set(copy, day);
    return copy;
  });
}

export const dayOf = (object: EntityNode | RelationshipValue): string | null => days.get(object) ?? null;
