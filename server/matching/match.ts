/**
 * Screening: candidates for a name from the full-text index over match keys, scored by the engine with their
 * evidence (score.ts), best first. One home for `match`, `screen` and `npm run screen`.
 */
import type { Runner } from "../db/queries/query.ts";
import { neighbourNames, search } from "../db/queries/search.ts";
import { keysQuery } from "./keys.ts";
import { bestName } from "./names.ts";
import { type Candidate, type MatchQuery, type Scored, scoreCandidate } from "./score.ts";

export type { Candidate };

/** Index hits scored per query: enough for the right entity to be among them, few enough to score in milliseconds. */
export const SCAN = 120;
/** Default score from which a candidate counts as a match (docs/matching.md says how it was chosen). */
export const DEFAULT_THRESHOLD = 0.9;

export interface Hit {
  entity: Candidate;
  /** Ids of the entity's SAME_AS records. */
  sameAs: string[];
}

export interface ScoredHit extends Scored, Hit {
  /** The unclamped sum of contributions: orders candidates whose scores are both capped at 1. */
  rank: number;
}

export interface Filters {
  schemata?: string[] | null;
  countries?: string[] | null;
  sanctioned?: boolean | null;
  /** `sanctioned` as of this day (YYYY-MM-DD); null: now. */
  at?: string | null;
}

/** Index candidates for a name (null when the name has no letters or digits). */
export async function candidates(graph: Runner, name: string, filters: Filters = {}, signal?: AbortSignal): Promise<Hit[] | null> {
  const lucene = keysQuery(name);
  if (!lucene) return null;
  const params = {
    schemata: filters.schemata ?? null,
    countries: filters.countries ?? null,
    sanctioned: filters.sanctioned ?? null,
    at: filters.at ?? null,
  };
  return (await search(graph, { lucene, scan: SCAN, ...params }, signal)) as Hit[];
}

/**
 * Order among equal scores: a record matched on its own name before one matched on an alias (the name a list
 * gives a party is stronger evidence than an a.k.a.: "IRGC" is the EU record's name and one of OFAC's aliases for
 * ISLAMIC REVOLUTIONARY GUARD CORPS), then by id, so that the order never depends on the index's.
 */
export function breakTie(a: { entity: Candidate; matchedName: string }, b: { entity: Candidate; matchedName: string }): number {
  const alias = (h: typeof a) => (h.matchedName === h.entity.name ? 0 : 1);
  return alias(a) - alias(b) || (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0);
}

const byRank = (a: ScoredHit, b: ScoredHit) => b.rank - a.rank || b.score - a.score || breakTie(a, b);

/** Scores candidates for a screening query, best first. */
export async function match(graph: Runner, query: MatchQuery, signal?: AbortSignal): Promise<ScoredHit[]> {
  const hits = (await candidates(graph, query.name, {}, signal)) ?? [];
  let neighbours = new Map<string, string[]>();
  if (query.relatedNames?.length && hits.length) {
    // Only the plausible candidates need their neighbourhood.
    const plausible = hits.filter((h) => bestName(query.name, [h.entity.name, ...(h.entity.aliases ?? [])]).score >= 0.5).slice(0, 50);
    const rows = await neighbourNames(graph, { ids: plausible.map((h) => h.entity.id) }, signal);
    neighbours = new Map(rows.map((r) => [r.id, r.names]));
  }
  return hits
    .map((h) => {
      const scored = scoreCandidate(query, h.entity, neighbours.get(h.entity.id));
      return { ...h, ...scored, rank: scored.features.reduce((s, f) => s + f.contribution, 0) };
    })
    .sort(byRank);
}
