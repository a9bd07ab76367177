/**
 * Name similarity, 0..1, order-free and token-based: the tokens of two names are aligned one to one (a token may
 * also align with two adjacent tokens of the other name joined, "Kyongsik" ~ "Kyong Sik"), each aligned pair
 * scores by spelling (equal, edit distance, Double Metaphone key, consonant skeleton), and the score is the
 * weighted share of both names' tokens that aligned (unaligned tokens on either side lower it, the listed name's
 * less than the query's; legal forms and particles weigh little). Exactly the same written name (case, accents, punctuation, word order aside) scores 1;
 * anything else at most 0.99, so an exact name or alias always ranks first.
 */
import { distance } from "fastest-levenshtein";
import { phoneticKey, plainForm, skeleton, type Token, tokenise } from "./normalise.ts";

/** Below this, two tokens do not align at all. */
const MIN_TOKEN_SIMILARITY = 0.7;
/** How much a token of the listed name that the query lacks counts against the score (a query token counts 1). */
const UNALIGNED_NAME_WEIGHT = 0.6;
/** The best score for names that differ in more than case, accents, punctuation or word order. */
export const BEST_INEXACT = 0.99;

/** Edits allowed between two tokens, by the longer one's length: none up to 3 letters, then 1, 2, 3. */
function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : length <= 8 ? 2 : 3;
}

const hasVowel = (t: string) => /[aeiouy]/.test(t);

/** A doubled letter written once ("habbo" -> "habo"). */
const single = (t: string) => t.replace(/(.)\1+/g, "$1");

/** Spelling similarity within the edit budget of the longer token, else 0. */
function editSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  const allowed = allowedEdits(longest);
  const edits = Math.abs(a.length - b.length) > allowed ? allowed + 1 : distance(a, b);
  return edits <= allowed ? 1 - edits / longest : 0;
}

/**
 * Token pairs already compared: a search scores its query's few tokens against 120 candidates' names, which share
 * most of their tokens (given names, legal forms), so most comparisons repeat. Bounded like normalise.ts's caches.
 */
const MAX_CACHED = 100_000;
const similarityCache = new Map<string, number>();

export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const key = a < b ? `${a} ${b}` : `${b} ${a}`;
  let similarity = similarityCache.get(key);
  if (similarity === undefined) {
    if (similarityCache.size >= MAX_CACHED) similarityCache.clear();
    similarity = uncachedSimilarity(a, b);
    similarityCache.set(key, similarity);
  }
  return similarity;
}

function uncachedSimilarity(a: string, b: string): number {
  if (/\d/.test(a) || /\d/.test(b)) return 0;
  // Doubled letters are also compared written once: romanisations write a doubled consonant (Arabic shadda) or
  // not, so the UN's "Al Habbo" is OFAC's "Al-Hebo" ("habo" ~ "hebo").
  const [sa, sb] = [single(a), single(b)];
  let similarity = Math.max(editSimilarity(a, b), sa !== a || sb !== b ? editSimilarity(sa, sb) : 0);
  // Same sound, same initial: "Zakharov" ~ "Sakharov" no, "Kyongsik" ~ "Kyungsik" yes. Short tokens (acronyms) never.
  if (Math.min(a.length, b.length) >= 5 && a[0] === b[0] && phoneticKey(a) === phoneticKey(b)) similarity = Math.max(similarity, 0.85);
  // A vowel-less token comes from a script that does not write vowels (Arabic): compare consonants only.
  if ((!hasVowel(a) || !hasVowel(b)) && Math.min(a.length, b.length) >= 3 && skeleton(a) === skeleton(b))
    similarity = Math.max(similarity, 0.8);
  return similarity >= MIN_TOKEN_SIMILARITY ? similarity : 0;
}

interface Span {
  text: string;
  weight: number;
  /** Indexes of the tokens it covers. */
  covers: number[];
}

/** Each token, and each pair of adjacent tokens joined. */
function spans(tokens: Token[]): Span[] {
  const single = tokens.map((t, i) => ({ text: t.text, weight: t.weight, covers: [i] }));
  const joined = tokens
    .slice(1)
    .map((t, i) => ({ text: tokens[i].text + t.text, weight: tokens[i].weight + t.weight, covers: [i, i + 1] }));
  return [...single, ...joined];
}

/** Compares two tokenised names (see the module comment); `querySpans` may be passed in when comparing many names. */
export function compareTokens(query: Token[], name: Token[], querySpans = spans(query)): number {
  if (!query.length || !name.length) return 0;
  const pairs: { q: Span; n: Span; similarity: number }[] = [];
  for (const q of querySpans)
    for (const n of spans(name)) {
      if (q.covers.length > 1 && n.covers.length > 1) continue;
      const similarity = tokenSimilarity(q.text, n.text);
      if (similarity) pairs.push({ q, n, similarity });
    }
  // Greedy: best pairs first; ties prefer single tokens (more evidence than a join).
  pairs.sort((x, y) => y.similarity - x.similarity || x.q.covers.length + x.n.covers.length - (y.q.covers.length + y.n.covers.length));
  const usedQ = new Set<number>();
  const usedN = new Set<number>();
  let aligned = 0;
  for (const { q, n, similarity } of pairs) {
    if (q.covers.some((i) => usedQ.has(i)) || n.covers.some((i) => usedN.has(i))) continue;
    for (const i of q.covers) usedQ.add(i);
    for (const i of n.covers) usedN.add(i);
    aligned += similarity * (q.weight + n.weight);
  }
  // A listed name often has more parts than the name screened (a patronymic, a second given name): the name's
  // unaligned tokens count less against the score than the query's.
  const queryWeight = query.reduce((s, t) => s + t.weight, 0);
  const nameWeight = name.reduce((s, t, i) => s + t.weight * (usedN.has(i) ? 1 : UNALIGNED_NAME_WEIGHT), 0);
  return aligned / (queryWeight + nameWeight);
}

/** Similarity of two written names, 0..1 (1 only for the same written name). */
export function nameSimilarity(query: string, name: string): number {
  return bestName(query, [name]).score;
}

/** The best of an entity's names for a query: the name and its similarity (ties go to the earlier name). */
export function bestName(query: string, names: readonly string[]): { name: string; score: number } {
  const plain = plainForm(query);
  const tokens = tokenise(query);
  const querySpans = spans(tokens);
  let best = { name: names[0] ?? "", score: 0 };
  for (const name of names) {
    const score = plain && plain === plainForm(name) ? 1 : Math.min(BEST_INEXACT, compareTokens(tokens, tokenise(name), querySpans));
    if (score > best.score) best = { name, score };
  }
  return best;
}
