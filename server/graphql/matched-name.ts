import { MAX_QUERY_WORDS, maxEdits, searchWords } from "./lucene.ts";

/** Edit distance with adjacent transpositions (as Lucene's fuzzy queries count them), capped at `limit + 1`. */
export function editDistance(first: string, second: string, limit: number): number {
  const a = [...first];
  const b = [...second];
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
    }
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length], limit + 1);
}

/** How well a name matches the query's words: words matched (more is better), then edits spent (fewer is better). */
function score(queryWords: string[], name: string): { matched: number; edits: number } {
  const words = searchWords(name);
  // "son kyongsik" should match "Kyong Sik": adjacent words joined count as a word too.
  const targets = [...words, ...words.slice(1).map((w, i) => words[i] + w)];
  let matched = 0;
  let edits = 0;
  for (const q of queryWords) {
    const limit = maxEdits(q);
    const best = Math.min(limit + 1, ...targets.map((t) => editDistance(q, t, limit)));
    if (best <= limit) {
      matched++;
      edits += best;
    }
  }
  return { matched, edits };
}

/**
 * Which of an entity's names best matches a search: the one matching the most query words (each within the edits
 * search allows), then with the fewest edits; ties go to the primary name, then to the earlier alias.
 */
export function matchedName(query: string, name: string, aliases: readonly string[] = []): string {
  const queryWords = searchWords(query).slice(0, MAX_QUERY_WORDS);
  let best = name;
  let bestScore = score(queryWords, name);
  for (const alias of aliases) {
    const s = score(queryWords, alias);
    if (s.matched > bestScore.matched || (s.matched === bestScore.matched && s.edits < bestScore.edits)) {
      best = alias;
      bestScore = s;
    }
  }
  return best;
}
