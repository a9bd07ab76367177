import type {
  EntityRecord,
  IdentificationRecord,
  MentionRecord,
  OtherRecord,
  RelationshipRecord,
  SanctionRecord,
  SourceRecord,
} from "../model/records.ts";

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
 * One write phase of an import: "records" (entities with their sources and sanctions) first, then "links"
 * (relationships and mentions between them), so that a link never waits for a node in a later batch.
 */
export interface Phase {
  name: "records" | "links";
  /** Items the phase will yield, when the check pass could count them (for the progress bar). */
  expected?: number;
  items(): AsyncIterable<ImportItem>;
}

/**
 * A list format. `check()` reads every input once without writing (bad input fails here, before the graph is
 * touched) and may build small indexes (e.g. OFAC primary names). Then the pipeline streams each phase in order
 * and writes it in batches.
 */
export interface Importer {
  readonly format: string;
  readonly files: string[];
  check(): Promise<void>;
  /** The phases, in order (asked after `check()`). */
  phases(): Phase[];
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
