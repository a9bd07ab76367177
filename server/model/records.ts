/**
 * The shapes every writer (the seed, the importers, the generator) hands to the graph. They follow
 * FollowTheMoney: property values are lists of strings keyed by FtM property names.
 */

/** A document or record that states facts. */
export interface SourceRecord {
  id: string;
  publisher: string;
  title: string;
  url?: string;
  /** Publication or file date, ISO 8601 (partial dates such as 2025-01 allowed). */
  date?: string;
  /** The record's id in its list (e.g. an OFAC ent_num). */
  recordId?: string;
  /** The sentence or field that states the facts citing this source. */
  excerpt?: string;
}

export interface EntityRecord {
  id: string;
  /** An FtM node schema from the vocabulary (Person, Organization, Company, PublicBody, Vessel, ...). */
  schema: string;
  /** FtM properties: `name` (the first is the caption), `alias`, `country`, `birthDate`, `passportNumber`, `topics`, ... */
  properties: Record<string, string[]>;
  sourceIds: string[];
  datasets?: string[];
  /** Other ids this party had or has elsewhere (FtM `referents`, a list's former ids); each still finds the entity. */
  referents?: string[];
  /** The source marks it as a sanctions target (FtM `target: true` or the `sanction` topic) even without a Sanction record. */
  sanctioned?: boolean;
  seen?: SeenDates;
}

/** When the publisher first and last saw a record and last saw it change (FtM `first_seen`, `last_seen`, `last_change`). */
export interface SeenDates {
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
}

/** The Source id of one record of an FtM file: FtM entities and edges cite the line that states them. */
export const ftmRecordSourceId = (file: string, entityId: string) => `ftm:${file}:${entityId}`;
export const isFtmRecordSource = (sourceId: string) => sourceId.startsWith("ftm:");

export interface RelationshipRecord {
  id: string;
  /** A relationship type from the vocabulary (OWNS, REPRESENTS, LINKED_TO, ...). */
  type: string;
  source: string;
  target: string;
  role?: string;
  startDate?: string;
  endDate?: string;
  /** Further FtM edge properties, e.g. `percentage`, `relationship`, `summary`. */
  properties?: Record<string, string[]>;
  sourceIds: string[];
  datasets?: string[];
  /** FtM `referents` of an edge entity (ids it was merged from). */
  referents?: string[];
  seen?: SeenDates;
}

export interface SanctionRecord {
  id: string;
  entityId: string;
  authority: string;
  program?: string;
  programId?: string;
  listingDate?: string;
  startDate?: string;
  endDate?: string;
  status?: string;
  reason?: string;
  provisions?: string;
  sourceUrl?: string;
  sourceIds: string[];
}

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
