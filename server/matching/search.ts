/**
 * Search ranking: index candidates (match.ts) ordered by the engine's name similarity, so an exact name or alias
 * comes first, then variants, then partial matches. A year in the query ("Kim Yong Chol 1962") is read as a year
 * of birth: it lifts candidates born that year and lowers those born in another. Equal scores: own name before
 * alias, then id (breakTie). Records of one party on several lists (SAME_AS) fold into one row, the best-scoring
 * record first.
 */

import { breakTie, type Candidate, type Hit } from "./match.ts";
import { bestName } from "./names.ts";

export interface SearchRow {
  entity: Candidate;
  score: number;
  matchedName: string;
  /** The other records of the same party among the hits. */
  sameAs: Candidate[];
}

const YEAR = /^(1[89]|20)\d\d$/;
const YEAR_AGREES = 0.01;
const YEAR_CONFLICTS = -0.2;

/** The query's name words and the years in it (a query of years only is all name). */
function splitYears(query: string): { name: string; years: string[] } {
  const words = query.split(/\s+/).filter(Boolean);
  const years = words.filter((w) => YEAR.test(w));
  const rest = words.filter((w) => !YEAR.test(w));
  return rest.length ? { name: rest.join(" "), years } : { name: query, years: [] };
}

export function rankSearch(query: string, hits: Hit[]): SearchRow[] {
  const { name, years } = splitYears(query);
  const scored = hits
    .map((h) => {
      const best = bestName(name, [h.entity.name, ...(h.entity.aliases ?? [])]);
      let score = best.score;
      const born = (h.entity.birthDate ?? []).map((d) => d.slice(0, 4));
      if (years.length && born.length && score > 0) score += born.some((y) => years.includes(y)) ? YEAR_AGREES : YEAR_CONFLICTS;
      return { ...h, score: Math.round(score * 1000) / 1000, matchedName: best.name };
    })
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || breakTie(a, b));
  const rows: SearchRow[] = [];
  const rowOf = new Map<string, SearchRow>();
  for (const h of scored) {
    const row = rowOf.get(h.entity.id);
    if (row) {
      row.sameAs.push(h.entity);
      continue;
    }
    const created = { entity: h.entity, score: h.score, matchedName: h.matchedName, sameAs: [] };
    rows.push(created);
    for (const id of [h.entity.id, ...h.sameAs]) if (!rowOf.has(id)) rowOf.set(id, created);
  }
  return rows;
}
