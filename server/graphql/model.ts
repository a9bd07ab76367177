import type { Direction, EntityNode, RelationshipValue } from "../db/queries/rows.ts";
import { EDGE_INTERNAL, NODE_INTERNAL } from "../model/properties.ts";

/** What `properties` leaves out: the graph's own properties (server/model/properties.ts) and, on relationships, the FtM
 * properties GraphQL already gives as fields of their own (role, dates). The link step's `evidence`/`confidence`/`resolvedBy` stay visible. */
export const ENTITY_INTERNAL = NODE_INTERNAL;
export const RELATIONSHIP_INTERNAL = new Set(
  [...EDGE_INTERNAL, "role", "startDate", "endDate"].filter((k) => k !== "evidence" && k !== "confidence" && k !== "resolvedBy"),
);

/** The FtM properties of a node or relationship, as {name, values}; `names` goes out as FtM's `name`. */
export function ftmProperties(value: Record<string, unknown>, internal: Set<string>): { name: string; values: string[] }[] {
  const properties = Object.entries(value)
    .filter(([key, v]) => !internal.has(key) && v != null)
    .map(([name, v]) => ({ name, values: (Array.isArray(v) ? v : [v]).map(String) }));
  if (Array.isArray(value.names)) properties.unshift({ name: "name", values: value.names.map(String) });
  return properties.sort((a, b) => a.name.localeCompare(b.name));
}

/** A page of an entity's relationships; `countsByType` is resolved from `entityId` only when selected. */
export interface RelationshipPage {
  entityId: string;
  totalCount: number;
  edges: { cursor: string; node: RelationshipValue; direction: Exclude<Direction, "ANY">; other: EntityNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
