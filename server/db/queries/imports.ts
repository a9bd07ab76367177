// The importers' queries: what a batch needs to know of the graph, and every import write (GraphWriter calls the
// writes; nothing else does). Import batches are large: long timeouts.
import type { RecordShape } from "neo4j-driver";
import { RELATIONSHIP_TYPE_NAMES } from "../../model/vocabulary.ts";
import { readQuery, writeQuery } from "./query.ts";

/** A batch of thousands of rows on a database that may have just started. */
const BATCH_MS = 120_000;

type Rows<R> = { rows: readonly R[] };

/** cypher/import/counts.cypher: entities and vocabulary relationships (before and after an import). */
export const graphCounts = readQuery<Record<string, never>, { entities: number; relationships: number }>("import/counts", BATCH_MS, () => ({
  params: { types: RELATIONSHIP_TYPE_NAMES },
}));

/** cypher/import/existing-schemata.cypher: the entities among `ids` that exist, with their schema. */
export const existingSchemata = readQuery<{ ids: readonly string[] }, { id: string; schema: string }>("import/existing-schemata", BATCH_MS);

/** cypher/import/ofac-names.cypher: OFAC records already in the graph with one of these primary names. */
export const ofacNames = readQuery<{ names: readonly string[] }, { name: string; id: string; programs: string[] | null }>(
  "import/ofac-names",
  BATCH_MS,
);

/** cypher/write/sources.cypher */
export const writeSources = writeQuery<Rows<Record<string, unknown>>>("write/sources", BATCH_MS);
/** cypher/write/entities.cypher (rows from writer.ts entityRow) */
/** cypher/write/entities.cypher: returns the entities whose match keys are not yet those of their names. */
export const writeEntities = writeQuery<Rows<RecordShape>, { id: string }>("write/entities", BATCH_MS);

/** A relationship row whose source or target entity is not in the graph (so it was not written). */
export interface MissingEnd {
  id: string;
  source: string;
  target: string;
  sourceMissing: boolean;
  targetMissing: boolean;
}

/** cypher/write/relationships.cypher (rows from writer.ts relationshipRow): returns the rows with a missing end. */
export const writeRelationships = writeQuery<Rows<RecordShape>, MissingEnd & RecordShape>("write/relationships", BATCH_MS);
/** cypher/write/sanctions.cypher (rows from writer.ts sanctionRow) */
export const writeSanctions = writeQuery<Rows<RecordShape>>("write/sanctions", BATCH_MS);
/** cypher/import/identifications.cypher */
export const writeIdentifications = writeQuery<Rows<object>>("import/identifications", BATCH_MS);
/** cypher/import/mentions.cypher */
export const writeMentions = writeQuery<Rows<object>>("import/mentions", BATCH_MS);
/** cypher/import/others.cypher */
export const writeOthers = writeQuery<Rows<object>>("import/others", BATCH_MS);

/** What the same-party step compares of each entity (cypher/import/link-candidates.cypher). */
export interface LinkCandidateRow {
  id: string;
  schema: string;
  datasets: string[];
  name: string;
  aliases: string[];
  referents: string[];
  birthDates: string[];
  programs: string[];
  identifiers: { prop: string; values: string[] }[];
}

/** cypher/import/link-candidates.cypher: every entity with the identifier properties `props`. */
export const linkCandidates = readQuery<{ props: readonly string[] }, LinkCandidateRow & RecordShape>("import/link-candidates", BATCH_MS);
/** cypher/import/link-sources.cypher: the sources of the linked entities (a SAME_AS cites them). */
export const linkSources = readQuery<{ ids: readonly string[] }, { id: string; sourceIds: string[] }>("import/link-sources", BATCH_MS);
/** cypher/import/link-prune.cypher: removes the step's links not in `keep`. */
export const pruneLinks = writeQuery<{ keep: readonly string[] }, { removed: number }>("import/link-prune", BATCH_MS);

/** cypher/import/match-keys-stale.cypher: a page (in id order after `after`) of entities whose match keys are stale. */
export const staleMatchKeys = readQuery<{ after: string; limit: number }, { id: string; names: string[] }>(
  "import/match-keys-stale",
  BATCH_MS,
);
/** cypher/import/match-keys-of.cypher: those of the entities `ids` whose match keys are stale. */
export const staleMatchKeysOf = readQuery<{ ids: readonly string[] }, { id: string; names: string[] }>("import/match-keys-of", BATCH_MS);
/** cypher/write/match-keys.cypher */
export const writeMatchKeyRows = writeQuery<Rows<object>>("write/match-keys", BATCH_MS);
