// Exposure, ownership and hubs (docs/ownership.md). `at` is an ISO date, possibly partial; `authorities` are
// lower-case parts of a sanction's authority (server/model/authorities.ts), null for any.
import { RELATIONSHIP_TYPE_NAMES } from "../../model/vocabulary.ts";
import { readQuery } from "./query.ts";
import type { EntityNode, RelationshipValue, SanctionValue } from "./rows.ts";

// A cold plan of the exposure search can take seconds on a busy machine; its execution is bounded by the hops,
// the degree cap and the scan.
const EXPOSURE_MS = 20_000;
const OWNERSHIP_MS = 10_000;
const HUBS_MS = 15_000;

export interface ExposureParams {
  id: string;
  /** Hops, written into the query's quantifier (range-checked by the caller). */
  maxHops: number;
  types: string[];
  authorities: string[] | null;
  avoid: string[];
  at: string;
  /** `at` is before today: parties delisted since are candidates too (cypher/read/parts/maybe-sanctioned). */
  past: boolean;
  maxDegree: number;
  /** Most parties collected (for the counts), and the page within them. */
  scan: number;
  offset: number;
  first: number;
}

export interface ExposureRow {
  total: number;
  more: boolean;
  summary: { distance: number; authorities: string[]; programs: string[] }[];
  page: { distance: number; sanctions: SanctionValue[]; nodes: EntityNode[]; relationships: RelationshipValue[] }[];
}

/** cypher/read/exposure.cypher: one row, none if the entity does not exist. */
export const exposure = readQuery<ExposureParams, ExposureRow>("read/exposure", EXPOSURE_MS, ({ maxHops, ...params }) => ({
  params,
  bounds: { maxHops },
}));

interface AsOf {
  at: string;
  authorities: string[];
}

/** cypher/read/ownership-subject.cypher: the entity and its sanctions in force; no row if it does not exist. */
export const ownershipSubject = readQuery<AsOf & { id: string }, { entity: EntityNode; sanctions: SanctionValue[] }>(
  "read/ownership-subject",
  OWNERSHIP_MS,
);

export interface OwnersParams extends AsOf {
  ids: string[];
  incoming: string[];
  outgoing: string[];
  /** `at` is before today (cypher/read/parts/maybe-sanctioned orders the owners worth keeping first). */
  past: boolean;
  /** At most cap + 1 rows come back: one more than the cap says there were more. */
  cap: number;
}

/** cypher/read/ownership-owners.cypher: one level upwards of an ownership structure. */
export const ownershipOwners = readQuery<OwnersParams, { relationship: RelationshipValue; owner: EntityNode; sanctions: SanctionValue[] }>(
  "read/ownership-owners",
  OWNERSHIP_MS,
);

/** cypher/read/hubs.cypher: the highest-degree entities (degree store), recounted on `at` when given. */
export const hubs = readQuery<
  { first: number; candidates: number; schemata: string[] | null; at: string | null },
  { entity: EntityNode; degree: number }
>("read/hubs", HUBS_MS, (params) => ({ params: { ...params, types: RELATIONSHIP_TYPE_NAMES } }));

/** cypher/read/sanctioned-neighbours.cypher: per entity, the distinct sanctioned entities one relationship away. */
export const sanctionedNeighbours = readQuery<{ ids: readonly string[] }, { id: string; count: number }>(
  "read/sanctioned-neighbours",
  5_000,
  ({ ids }) => ({ params: { ids, types: RELATIONSHIP_TYPE_NAMES } }),
);
