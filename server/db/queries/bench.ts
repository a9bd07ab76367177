// The benchmarks' own reads (bench/): what they pick their targets with. Never run by the API.
import type { RecordShape } from "neo4j-driver";
import { IDENTIFIER_PROPERTIES } from "../../model/properties.ts";
import { readQuery } from "./query.ts";

/** A whole-graph read on a large generated network. */
const BENCH_MS = 120_000;

/** A list record as the matching evaluation draws from it (cypher/bench/eval-entities.cypher). */
export interface EvalEntityRow extends RecordShape {
  id: string;
  schema: string;
  name: string;
  aliases: string[];
  birthDates: string[];
  /** The values of each identifier property the record has. */
  identifiers: string[][];
  sameAs: string[];
}

/** cypher/bench/eval-entities.cypher: every OFAC, UN and FtM record with names, dates, identifiers, SAME_AS. */
export const evalEntities = readQuery<Record<string, never>, EvalEntityRow>("bench/eval-entities", BENCH_MS, () => ({
  params: { props: IDENTIFIER_PROPERTIES },
}));

/** cypher/bench/entity-ids.cypher: every entity's id (the seed's, for the abuse benchmark). */
export const entityIds = readQuery<Record<string, never>, { id: string }>("bench/entity-ids", BENCH_MS);

/** cypher/bench/owned-company.cypher: the first company with owners two levels up (none on a network without). */
export const ownedCompany = readQuery<Record<string, never>, { id: string }>("bench/owned-company", BENCH_MS);
