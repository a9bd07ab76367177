import type { RelationshipRecord } from "../../model/records.ts";

/** Which way relationships are followed (the API's `Direction`); a relationship seen from one end is OUTGOING or INCOMING. */
export type Direction = "OUTGOING" | "INCOMING" | "ANY";

/** What the read queries return: property maps as Cypher projects them (`n {.*}`, `r {.*, type, source, target}`). */
export interface EntityNode {
  id: string;
  schema: string;
  name: string;
  aliases?: string[];
  countries?: string[];
  topics?: string[];
  sanctioned?: boolean;
  sourceIds?: string[];
  datasets?: string[];
  [property: string]: unknown;
}

/** A relationship as read back: the written record's fields, with its FtM properties flattened onto it. */
export type RelationshipValue = Omit<RelationshipRecord, "properties" | "sourceIds" | "datasets"> & {
  sourceIds?: string[];
  [property: string]: unknown;
};

export interface SanctionValue {
  id: string;
  authority: string;
  endDate?: string;
  sourceIds?: string[];
  [property: string]: unknown;
}

/** A `(:Mention)` node as read back (cypher/import/mentions.cypher), with the id of the entity whose record names it. */
export interface MentionValue {
  id: string;
  entityId: string;
  name: string;
  status: "ambiguous" | "unresolved";
  role: string;
  candidates?: string[];
  sourceIds?: string[];
  datasets?: string[];
}

export interface PathValue {
  nodes: EntityNode[];
  relationships: RelationshipValue[];
}

export interface TypeCountValue {
  type: string;
  direction: Exclude<Direction, "ANY">;
  count: number;
}

/** A part of the graph: members, the relationships among them and per member how many lead outside. */
export interface SubgraphValue {
  nodes: EntityNode[];
  edges: RelationshipValue[];
  omitted: { id: string; count: number }[];
}
