/**
 * Dates of the history: days (YYYY-MM-DD) for snapshots; FtM partial dates (YYYY, YYYY-MM, YYYY-MM-DD) for
 * questions ("as of 2022-03") and for the start/end dates sources give. Comparisons are on ISO strings.
 */

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A real calendar day in YYYY-MM-DD form (2024-02-30 is not). */
export function isValidDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/**
 * A question date, possibly partial, -> the day it stands for: its first day ("2022-03" -> 2022-03-01), so that
 * "as of March 2022" asks about the start of the month. Undefined when the text is no such date.
 */
export function asOfDay(text: string): string | undefined {
  const m = PARTIAL.exec(text.trim());
  if (!m) return undefined;
  const [, year, month = "01", day = "01"] = m;
  const iso = `${year}-${month}-${day}`;
  return isValidDay(iso) ? iso : undefined;
}

/** Today in UTC, YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The last day a partial date stands for ("2022" -> 2022-12-31, "2022-02" -> 2022-02-29 or -28), for inclusive ends. */
export function periodEndDay(text: string): string | undefined {
  const m = PARTIAL.exec(text.trim());
  if (!m) return undefined;
  const [, year, month, day] = m;
  if (day) return asOfDay(text);
  if (!month) return `${year}-12-31`;
  if (!asOfDay(text)) return undefined;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, "0")}`;
}

/** Whether a start/end pair (ISO, possibly partial; either may be missing) covers a day. */
export function covers(day: string, start: string | null | undefined, end: string | null | undefined): boolean {
  if (start && start > day.slice(0, start.length)) return false;
  if (end && end < day.slice(0, end.length)) return false;
  return true;
}
