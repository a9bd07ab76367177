const MONTHS: Record<string, string> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};

/**
 * OFAC/UN date text -> ISO 8601, partial where the source is partial (FtM prefix dates):
 * "20 Apr 1959" -> 1959-04-20, "Apr 1959" -> 1959-04, "1959" -> 1959, "circa 1951" -> 1951,
 * "1944-10-13" stays. Anything else gives undefined (the caller keeps the text elsewhere).
 */
export function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text
    .trim()
    .replace(/^(circa|c\.|approximately|about)\s+/i, "")
    .replace(/\.$/, "");
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(t);
  if (m) return [m[1], m[2], m[3]].filter(Boolean).join("-");
  m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[2].toLowerCase()]) return `${m[3]}-${MONTHS[m[2].toLowerCase()]}-${m[1].padStart(2, "0")}`;
  m = /^([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[1].toLowerCase()]) return `${m[2]}-${MONTHS[m[1].toLowerCase()]}`;
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  return undefined;
}

/** "1959 to 1962" -> ["1959", "1962"]; otherwise the single date, if any. */
export function isoDates(text: string): string[] {
  const range = /^(.+?)\s+to\s+(.+)$/i.exec(text.trim());
  if (range) return [isoDate(range[1]), isoDate(range[2])].filter((d): d is string => !!d);
  const one = isoDate(text);
  return one ? [one] : [];
}

/** A date found in a file name (sdn_2024-05-03.csv -> 2024-05-03, add_2025-12.csv -> 2025-12). */
export function dateFromFileName(path: string): string | undefined {
  const m = /(\d{4}-\d{2}(?:-\d{2})?)/.exec(path.split(/[\\/]/).pop() ?? "");
  return m?.[1];
}
