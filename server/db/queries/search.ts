import { readQuery } from "./query.ts";
import type { EntityNode } from "./rows.ts";

export interface SearchParams {
  /** A Lucene query over the match keys built by server/matching/keys.ts (only [a-z0-9] terms). */
  lucene: string;
  /** How many index hits to score. */
  scan: number;
  schemata: string[] | null;
  countries: string[] | null;
  sanctioned: boolean | null;
  /** With `sanctioned`: sanctioned on this day (YYYY-MM-DD) instead of now. */
  at: string | null;
}

export interface SearchRow {
  entity: EntityNode;
  /** Ids of the entity's SAME_AS records. */
  sameAs: string[];
}

/** cypher/read/search.cypher: candidates for a name, unordered (the engine scores them). */
export const search = readQuery<SearchParams, SearchRow>("read/search", 5_000);

/** cypher/read/neighbour-names.cypher: per candidate, the names of its and its SAME_AS records' neighbours. */
export const neighbourNames = readQuery<{ ids: string[] }, { id: string; names: string[] }>("read/neighbour-names", 5_000);
