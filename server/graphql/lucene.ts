/** Most words of a query that search uses. */
export const MAX_QUERY_WORDS = 12;

/**
 * A text's words as search sees them: NFKC, then lower-case, split on anything but letters and digits.
 * NFKC comes first: it turns look-alikes such as "𝐍𝐎𝐓" into "NOT", which lower-casing must then see, or
 * Lucene would read the word as an operator.
 */
export function searchWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Edits a query word may be away from a name's word and still match: none below 3 letters, 1 up to 5, else 2. */
export function maxEdits(word: string): number {
  return word.length < 3 ? 0 : word.length > 5 ? 2 : 1;
}

/**
 * Turns a user's words into a Lucene query for the full-text index: each word matches exactly (boosted) or
 * within one or two edits, and the whole phrase is boosted, so "Son Kyong-sik", "Song Kyong Sik" and
 * "chonsurim trading" rank the right entity first. Words are reduced to letters and digits, so no Lucene
 * syntax from the input survives.
 */
export function luceneQuery(text: string): string | null {
  const words = searchWords(text).slice(0, MAX_QUERY_WORDS);
  if (!words.length) return null;
  const clauses = words.map((w) => (maxEdits(w) === 0 ? w : `(${w}^3 OR ${w}~${maxEdits(w)})`));
  const phrase = words.length > 1 ? ` OR "${words.join(" ")}"^6` : "";
  return `(${clauses.join(" ")})${phrase}`;
}
