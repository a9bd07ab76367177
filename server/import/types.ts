import type { EntityRecord, RelationshipRecord, SanctionRecord, SeenDates, SourceRecord } from "../model/records.ts";

/**
 * A name a list uses for a related party that the importer could not turn into a relationship: either no
 * record carries that exact primary name (`unresolved`), or several do and the program context does not
 * single one out (`ambiguous`). Stored as a `(:Mention)` node, never as an `Entity`.
 */
export interface MentionRecord {
  id: string;
  /** The entity whose record names the party. */
  entityId: string;
  name: string;
  status: "ambiguous" | "unresolved";
  /** The relation as the list words it, e.g. `Linked To`. */
  role: string;
  /** Entity ids the name matches (ambiguous only). */
  candidates: string[];
  sourceIds: string[];
  datasets: string[];
}

/** An identity document entity (FtM Identification or Passport): stored as its own node, linked to its holder. */
export interface IdentificationRecord {
  id: string;
  schema: "Identification" | "Passport";
  holderIds: string[];
  properties: Record<string, string[]>;
  sourceIds: string[];
  datasets: string[];
  referents: string[];
  seen: SeenDates;
}

/** An FtM entity of a schema the graph does not model (Risk, Mention, Similar, ...): kept whole, next to the entities it names. */
export interface OtherRecord {
  id: string;
  schema: string;
  /** Ids of the entities its entity-valued properties name. */
  refs: string[];
  /** The FtM entity as read (JSON), given back unchanged by the export. */
  ftm: string;
  sourceIds: string[];
  datasets: string[];
}

export type ImportItem =
  | { kind: "source"; record: SourceRecord }
  | { kind: "entity"; record: EntityRecord }
  /** `ftm` holds the Sanction entity as read (JSON), so that an export gives it back unchanged. */
  | { kind: "sanction"; record: SanctionRecord; ftm?: string }
  | { kind: "relationship"; record: RelationshipRecord }
  | { kind: "mention"; record: MentionRecord }
  | { kind: "identification"; record: IdentificationRecord }
  | { kind: "other"; record: OtherRecord };

/**
 * A format reader. `check()` reads every input once without writing (bad input fails here, before the graph
 * is touched) and may build small indexes (e.g. OFAC primary names). Then each phase is streamed in order and
 * written in batches: nodes first, then the links between them, so that a link never waits for a node in a
 * later batch.
 */
export interface Importer {
  readonly format: string;
  readonly files: string[];
  check(): Promise<void>;
  phases(): (() => AsyncIterable<ImportItem>)[];
  /** Items each phase will yield, when the check pass could count them (for the progress bar). */
  expected?(): number[];
  /** Counts the reader itself keeps (e.g. companion rows for records not in the file). */
  notes?(): Record<string, number>;
}

/** Bad input: names the file and the line or record, and is printed without a stack trace. */
export class ImportInputError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    detail: string,
  ) {
    super(`${file}${where ? `, ${where}` : ""}: ${detail}`);
    this.name = "ImportInputError";
  }
}

export interface ImportSummary {
  format: string;
  files: string[];
  /** Records written (created or updated) per kind. */
  entities: number;
  relationships: number;
  sanctions: number;
  sources: number;
  identifications: number;
  /** FtM entities of schemata the graph keeps whole (Risk, Mention, ...). */
  others: number;
  /** Link targets on no record / on several records the program context cannot choose between. */
  unresolved: number;
  ambiguous: number;
  /** Relationships not written because an end is not in the graph (first ones listed in `missingExamples`). */
  missingEnds: number;
  missingExamples: { id: string; source: string; target: string }[];
  /** Entity nodes and relationships the import created (counts after minus before); the rest were updated. */
  created: { entities: number; relationships: number };
  updated: { entities: number; relationships: number };
  notes: Record<string, number>;
  seconds: number;
  /** Seconds of the check pass and of each write phase (records, links). */
  phaseSeconds: number[];
}
