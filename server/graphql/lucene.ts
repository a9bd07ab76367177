/**
 * Turns a user's words into a Lucene query for the full-text index: each word matches exactly (boosted) or
 * within one or two edits, and the whole phrase is boosted, so "Son Kyong-sik", "Song Kyong Sik" and
 * "chonsurim trading" rank the right entity first. Words are reduced to letters and digits, so no Lucene
 * syntax from the input survives.
 */
export function luceneQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (!words.length) return null;
  const clauses = words.map((w) => (w.length < 3 ? w : `(${w}^3 OR ${w}~${w.length > 5 ? 2 : 1})`));
  const phrase = words.length > 1 ? ` OR "${words.join(" ")}"^6` : "";
  return `(${clauses.join(" ")})${phrase}`;
}
