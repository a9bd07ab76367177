import type { RelationshipRecord } from "../model/records.ts";

/** What the resolvers pass around: property maps as the read queries return them (`n {.*}`, `r {.*, type, source, target}`). */
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

export interface PathValue {
  nodes: EntityNode[];
  relationships: RelationshipValue[];
}

/** Node and relationship properties that are ours, not FtM properties (see server/db/writer.ts). */
export const ENTITY_INTERNAL = new Set(["id", "schema", "name", "names", "aliases", "countries", "sanctioned", "sourceIds", "datasets"]);
export const RELATIONSHIP_INTERNAL = new Set(["id", "type", "source", "target", "role", "startDate", "endDate", "sourceIds", "datasets"]);

/** The FtM properties of a node or relationship, as {name, values}; `names` goes out as FtM's `name`. */
export function ftmProperties(value: Record<string, unknown>, internal: Set<string>): { name: string; values: string[] }[] {
  const properties = Object.entries(value)
    .filter(([key, v]) => !internal.has(key) && v != null)
    .map(([name, v]) => ({ name, values: (Array.isArray(v) ? v : [v]).map(String) }));
  if (Array.isArray(value.names)) properties.unshift({ name: "name", values: value.names.map(String) });
  return properties.sort((a, b) => a.name.localeCompare(b.name));
}
