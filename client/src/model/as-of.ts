/**
 * The day the canvas shows and what looks "past" on it. Pure functions (no DOM) so they run in unit tests.
 * An entity is delisted when it was on a list before the day and is not sanctioned on it; a relationship has
 * ended when its end date is before the day, or when it comes from a list and no listing period covers the day.
 */
import { covers, isValidDay, today } from "../../../server/history/dates.ts";
import type { EntitySummary, Relationship } from "../api/types.ts";

// The server's day logic, pure and shared, so the canvas reads dates exactly as the API does.
export { isValidDay as isDay, today };

export function isDelisted(entity: Pick<EntitySummary, "sanctioned" | "listings">, day: string): boolean {
  return !entity.sanctioned && entity.listings.some((l) => l.from <= day);
}

export function hasEnded(r: Pick<Relationship, "endDate" | "listings">, day: string): boolean {
  if (!covers(day, null, r.endDate)) return true;
  return r.listings.length > 0 && !r.listings.some((l) => l.from <= day && (!l.to || l.to > day));
}

/** Days from `from` to `day` (for the slider's position). */
export function dayIndex(from: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function dayAt(from: string, index: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10);
}
