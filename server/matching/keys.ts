/**
 * Candidate retrieval in Neo4j: every entity carries the canonical tokens of its names (with adjacent tokens also
 * joined, so "Kyongsik" finds "Kyong Sik") and their phonetic keys and consonant skeletons (internal properties,
 * listed in server/model/properties.ts), under the full-text
 * index `entity_match_keys` (cypher/schema.cypher). A query is turned into the same keys, the index returns a few
 * hundred candidates, and the API scores them with the engine (names.ts, score.ts).
 */
import { staleMatchKeys, staleMatchKeysOf, writeMatchKeyRows } from "../db/queries/imports.ts";
import type { Runner } from "../db/queries/query.ts";
import { phoneticKey, skeleton, tokenise } from "./normalise.ts";

/** Most query tokens used for retrieval (scoring uses all). */
const MAX_QUERY_TOKENS = 12;

function keysOf(name: string) {
  const tokens = tokenise(name).map((t) => t.text);
  const joined = tokens.slice(1).map((t, i) => tokens[i] + t);
  return {
    tokens: [...tokens, ...joined],
    phonetic: tokens.map(phoneticKey).filter(Boolean),
    skeletons: tokens.map(skeleton).filter((s) => s.length >= 2),
  };
}

/** The keys of an entity's names, one string per name and kind (lists of strings are indexed value by value). */
export function nameKeys(names: readonly string[]) {
  const keys = [...new Set(names)].map(keysOf);
  const join = (list: string[]) => [...new Set(list)].join(" ");
  return {
    matchTokens: keys.map((k) => join(k.tokens)).filter(Boolean),
    matchPhonetic: keys.map((k) => join(k.phonetic)).filter(Boolean),
    matchSkeletons: keys.map((k) => join(k.skeletons)).filter(Boolean),
  };
}

/** One edit for words of 5 letters or more (wider fuzziness costs more than it finds: phonetic keys cover the rest). */
function fuzzy(token: string): string {
  if (/\d/.test(token) || token.length < 5) return token;
  return `(${token}^2 OR ${token}~1)`;
}

/**
 * A Lucene query over the keys for a name, or null when it has no letters or digits. Every term is built from
 * [a-z0-9] tokens only, so nothing of the input's syntax reaches Lucene.
 */
export function keysQuery(name: string): string | null {
  const { tokens, phonetic, skeletons } = keysOf(name);
  const single = tokenise(name)
    .map((t) => t.text)
    .slice(0, MAX_QUERY_TOKENS);
  if (!single.length) return null;
  const joined = tokens.slice(single.length).slice(0, MAX_QUERY_TOKENS); // matched exactly
  const clauses = [
    `matchTokens:(${[...single.map(fuzzy), ...joined].join(" ")})`,
    phonetic.length ? `matchPhonetic:(${[...new Set(phonetic)].slice(0, MAX_QUERY_TOKENS).join(" ")})` : "",
    skeletons.length ? `matchSkeletons:(${[...new Set(skeletons)].slice(0, MAX_QUERY_TOKENS).join(" ")})^0.5` : "",
  ];
  return clauses.filter(Boolean).join(" OR ");
}

/** Entities per batch of the keys step. */
const KEYS_BATCH = 5_000;

/**
 * Writes the keys of the entities whose names changed since their keys were written (all of them the first time):
 * of the entities `ids` (an import's batch: the cost follows the import, not the graph), or without `ids` of the
 * whole graph in id order (the link step). Idempotent.
 */
export async function writeMatchKeys(graph: Runner, ids?: readonly string[]): Promise<number> {
  let written = 0;
  if (ids) {
    for (let i = 0; i < ids.length; i += KEYS_BATCH)
      written += await writeKeys(graph, await staleMatchKeysOf(graph, { ids: ids.slice(i, i + KEYS_BATCH) }));
    return written;
  }
  for (let after = ""; ; ) {
    const stale = await staleMatchKeys(graph, { after, limit: KEYS_BATCH });
    if (!stale.length) return written;
    written += await writeKeys(graph, stale);
    after = stale[stale.length - 1].id;
  }
}

async function writeKeys(graph: Runner, stale: { id: string; names: string[] }[]): Promise<number> {
  if (stale.length) await writeMatchKeyRows(graph, { rows: stale.map(({ id, names }) => ({ id, names, ...nameKeys(names) })) });
  return stale.length;
}
