/**
 * Types of the GraphQL API's responses, as the client's queries select them (server/graphql/schema/*.graphql).
 * Written once here; every module that touches API data imports them.
 */

export type Direction = "OUTGOING" | "INCOMING" | "ANY";

export interface Source {
  id: string;
  publisher: string;
  title: string;
  url: string | null;
  date: string | null;
  recordId: string | null;
  excerpt: string | null;
}

export interface Property {
  name: string;
  values: string[];
}

export interface Identifier {
  type: string;
  value: string;
}

export interface TypeCount {
  type: string;
  direction: Exclude<Direction, "ANY">;
  count: number;
}

/** What the canvas needs of an entity (the `EntitySummary` fragment). */
export interface EntitySummary {
  id: string;
  schema: string;
  name: string;
  countries: string[];
  sanctioned: boolean;
}

export interface Sanction {
  id: string;
  authority: string;
  program: string | null;
  programId: string | null;
  listingDate: string | null;
  startDate: string | null;
  endDate: string | null;
  status: string | null;
  reason: string | null;
  provisions: string | null;
  sourceUrl: string | null;
  active: boolean;
  sources: Source[];
}

/** Everything the details panel shows of an entity (the `EntityDetails` fragment). */
export interface EntityDetails extends EntitySummary {
  aliases: string[];
  topics: string[];
  identifiers: Identifier[];
  properties: Property[];
  sanctions: Sanction[];
  sources: Source[];
  datasets: string[];
  relationshipCounts: TypeCount[];
}

/** A relationship with its ends by id (the `RelationshipData` fragment). */
export interface Relationship {
  id: string;
  type: string;
  label: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  properties: Property[];
  source: { id: string };
  target: { id: string };
  sources: Source[];
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface SearchEdge {
  cursor: string;
  score: number;
  /** The entity's name or alias that best matches the query. */
  matchedName: string;
  node: EntitySummary;
}

export interface SearchConnection {
  totalCount: number;
  edges: SearchEdge[];
  pageInfo: PageInfo;
}

export interface OmittedCount {
  id: string;
  count: number;
}

export interface Subgraph {
  nodes: EntitySummary[];
  edges: Relationship[];
  omitted: OmittedCount[];
  truncated: boolean;
}

export interface RelationshipEdge {
  cursor: string;
  direction: Exclude<Direction, "ANY">;
  node: Relationship;
  other: EntitySummary;
}

export interface RelationshipConnection {
  totalCount: number;
  countsByType: TypeCount[];
  edges: RelationshipEdge[];
  pageInfo: PageInfo;
}

export interface Hop {
  from: { id: string };
  to: { id: string };
  direction: Exclude<Direction, "ANY">;
  relationship: Relationship;
}

export interface Path {
  length: number;
  nodes: EntitySummary[];
  hops: Hop[];
}

export interface NameCount {
  name: string;
  count: number;
}

export interface RelationshipTypeInfo {
  type: string;
  label: string;
  description: string;
  directed: boolean;
  count: number;
}

export interface Limits {
  maxHops: number;
  maxPathHops: number;
  maxK: number;
  maxPaths: number;
  maxDepth: number;
  maxNeighbourhood: number;
  maxSearchPage: number;
}

export interface Metadata {
  entityCount: number;
  relationshipCount: number;
  schemata: NameCount[];
  relationshipTypes: RelationshipTypeInfo[];
  limits: Limits;
}

/** Arguments of `shortestPaths` and `paths`, as the path finder collects them. */
export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  /** How many paths. */
  k: number;
  /** `shortest`: shortestPaths (ties and longer alternatives); `all`: every simple path up to maxHops. */
  mode: "shortest" | "all";
  relationshipTypes: string[];
  direction: Direction;
  avoid: string[];
}
