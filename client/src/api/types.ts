/**
 * Types of the GraphQL API's responses as the client's operations select them, derived from the types that
 * `npm run codegen` generates from the SDL and client/src/api/queries.ts (generated.ts), so they cannot drift.
 */
import type {
  Direction,
  EntityDetailsFragment,
  EntitySummaryFragment,
  MetadataQuery,
  PathDataFragment,
  RelationshipDataFragment,
  RelationshipsQuery,
  ScreenQuery,
  ScreenQueryVariables,
  SearchQuery,
  SourceDataFragment,
  SubgraphQuery,
} from "./generated.ts";

export type { Direction };

export type Source = SourceDataFragment;
/** What the canvas needs of an entity (the `EntitySummary` fragment). */
export type EntitySummary = EntitySummaryFragment;
/** Everything the details panel shows of an entity (the `EntityDetails` fragment). */
export type EntityDetails = EntityDetailsFragment;
export type Identifier = EntityDetails["identifiers"][number];
export type Sanction = EntityDetails["sanctions"][number];
/** Relationships per type and direction (OUTGOING or INCOMING; never ANY). */
export type TypeCount = EntityDetails["relationshipCounts"][number];
/** A party a record names that the import could not resolve to one entity (the `MentionData` fragment). */
export type Mention = EntityDetails["mentions"][number];
/** A relationship with its ends by id (the `RelationshipData` fragment). */
export type Relationship = RelationshipDataFragment;
export type Property = Relationship["properties"][number];
export type SearchConnection = SearchQuery["search"];
export type SearchEdge = SearchConnection["edges"][number];
/** One party to screen (a CSV row; the API's `ScreenEntry`). */
export type ScreenEntry = Extract<ScreenQueryVariables["entries"], readonly unknown[]>[number];
/** One entry's candidates (`screen`). */
export type ScreenResult = ScreenQuery["screen"][number];
export type MatchCandidate = ScreenResult["candidates"][number];
export type Subgraph = SubgraphQuery["subgraph"];
export type OmittedCount = Subgraph["omitted"][number];
export type RelationshipConnection = NonNullable<RelationshipsQuery["entity"]>["relationships"];
export type RelationshipEdge = RelationshipConnection["edges"][number];
export type Path = PathDataFragment;
export type Hop = Path["hops"][number];
export type Metadata = MetadataQuery["metadata"];
export type RelationshipTypeInfo = Metadata["relationshipTypes"][number];
/** The API's bounds (`metadata.limits`). */
export type Limits = Metadata["limits"];

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
