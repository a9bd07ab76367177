/**
 * Sanctioning authorities by family. Lists spell the same authority many ways ("Office of Foreign Assets
 * Control", "U.S. Department of the Treasury, Office of Foreign Assets Control", "OFAC"), so an authority filter
 * is a set of lower-case substrings of `Sanction.authority`. A family code (OFAC, EU, UK, UN) stands for the
 * spellings below; any other value is used as a substring itself.
 */
export const AUTHORITY_FAMILIES: Record<string, readonly string[]> = {
  OFAC: ["office of foreign assets control", "ofac"],
  // The EU's own lists: the Council's decisions and the Commission's Financial Sanctions Files (DG FISMA). The
  // hyphen in "Directorate-General" is an ASCII or a non-breaking hyphen (U+2011) depending on the source.
  EU: ["european union", "directorate-general for financial stability", "directorate\u2011general for financial stability"],
  UK: ["office of financial sanctions implementation", "foreign, commonwealth & development office", "hm treasury"],
  UN: ["united nations", "security council"],
};

/** Lower-case substrings for the values of an `authorities` argument (family codes expanded), or null for all. */
export function authorityPatterns(values: readonly string[] | null | undefined): string[] | null {
  if (values == null) return null;
  return [...new Set(values.flatMap((v) => AUTHORITY_FAMILIES[v.trim().toUpperCase()] ?? [v.trim().toLowerCase()]))];
}
