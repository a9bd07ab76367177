import { readQuery } from "./query.ts";
import type { EntityNode } from "./rows.ts";

/** How many index hits are ranked and filtered (the `totalCount` a search reports is capped there). */
export const SEARCH_SCAN = 1000;

export interface SearchParams {
  /** A Lucene query built by server/graphql/lucene.ts, every special character escaped. */
  lucene: string;
  schemata: string[] | null;
  countries: string[] | null;
  sanctioned: boolean | null;
  offset: number;
  limit: number;
}

export interface SearchRow {
  total: number;
  page: { entity: EntityNode; score: number }[];
}

/** cypher/read/search.cypher: one row. */
export const search = readQuery<SearchParams, SearchRow>("read/search", 5_000, (p) => ({ params: { ...p, scan: SEARCH_SCAN } }));
