// Lookups by id (the GraphQL DataLoaders batch them) and an entity's relationships.
import type { SourceRecord } from "../../model/records.ts";
import { RELATIONSHIP_TYPE_NAMES } from "../../model/vocabulary.ts";
import { readQuery } from "./query.ts";
import type { Direction, EntityNode, RelationshipValue, SanctionValue, TypeCountValue } from "./rows.ts";

/** Lookups by id are index seeks: a short timeout. */
const LOOKUP_MS = 5_000;

/** cypher/read/entities-by-id.cypher: only the ids that exist (as an entity's id or one of its referents) come back. */
export const entitiesById = readQuery<{ ids: readonly string[] }, { id: string; entity: EntityNode }>("read/entities-by-id", LOOKUP_MS);

/** cypher/read/sanctions-by-entity.cypher: one row per entity that has sanctions. */
export const sanctionsByEntity = readQuery<{ ids: readonly string[] }, { id: string; sanctions: SanctionValue[] }>(
  "read/sanctions-by-entity",
  LOOKUP_MS,
);

/** cypher/read/sources-by-id.cypher */
export const sourcesById = readQuery<{ ids: readonly string[] }, { source: SourceRecord }>("read/sources-by-id", LOOKUP_MS);

/** cypher/read/relationship-counts.cypher: per entity, relationships per type and direction (every vocabulary type). */
export const relationshipCounts = readQuery<{ ids: readonly string[] }, { id: string; counts: TypeCountValue[] }>(
  "read/relationship-counts",
  LOOKUP_MS,
  ({ ids }) => ({ params: { ids, types: RELATIONSHIP_TYPE_NAMES } }),
);

export interface RelationshipsPageParams {
  ids: readonly string[];
  types: string[];
  direction: Direction;
  offset: number;
  limit: number;
  /** Only relationships valid on this day (YYYY-MM-DD); null: all. */
  at?: string | null;
}

export interface RelationshipsPageRow {
  id: string;
  total: number;
  page: { relationship: RelationshipValue; other: EntityNode; direction: Exclude<Direction, "ANY"> }[];
}

/** cypher/read/relationships-page.cypher: the same page of each entity's relationships and their total; no row if no entity. */
export const relationshipsPage = readQuery<RelationshipsPageParams, RelationshipsPageRow>("read/relationships-page", 10_000, (p) => ({
  params: { ...p, at: p.at ?? null },
}));
