/** The client's GraphQL documents and typed functions around them. */
import type { GraphQLClient } from "./client.ts";
import type { ListChangesQuery, ListChangesQueryVariables, ListHistoryQuery, TimelineQuery } from "./generated.ts";
import { mergeSubgraphs, subgraphRequests } from "./subgraph.ts";
import type {
  Direction,
  EntityDetails,
  EntitySummary,
  Limits,
  Metadata,
  Path,
  PathQuery,
  RelationshipConnection,
  ScreenEntry,
  ScreenResult,
  SearchConnection,
  Subgraph,
  TypeCount,
} from "./types.ts";

export const SOURCE_DATA = /* GraphQL */ `
  fragment SourceData on Source { id publisher title url date recordId excerpt }
`;

export const ENTITY_SUMMARY = /* GraphQL */ `
  fragment EntitySummary on Entity { id schema name countries sanctioned listings { from to } }
`;

export const RELATIONSHIP_DATA = /* GraphQL */ `
  fragment RelationshipData on Relationship {
    id type label role startDate endDate analyst
    listings { from to }
    properties { name values }
    source { id }
    target { id }
    sources { ...SourceData }
  }
  ${SOURCE_DATA}
`;

export const ENTITY_DETAILS = /* GraphQL */ `
  fragment EntityDetails on Entity {
    ...EntitySummary
    aliases topics datasets
    identifiers { type value }
    properties { name values }
    sanctions {
      id authority program programId listingDate startDate endDate status reason provisions sourceUrl active
      sources { ...SourceData }
    }
    sources { ...SourceData }
    relationshipCounts { type direction count }
    mentions { ...MentionData }
    candidateIn { ...MentionData }
  }
  fragment MentionData on Mention {
    id name status role
    mentionedBy { ...EntitySummary }
    candidates { ...EntitySummary }
    sources { ...SourceData }
  }
  ${SOURCE_DATA}
`;

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $first: Int, $schemata: [String!], $sanctioned: Boolean, $at: String) {
    search(query: $query, first: $first, schemata: $schemata, sanctioned: $sanctioned, at: $at) {
      totalCount
      edges { cursor score matchedName node { ...EntitySummary datasets } sameAs { id datasets } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${ENTITY_SUMMARY}
`;

const SCREEN = /* GraphQL */ `
  query Screen($entries: [ScreenEntry!]!, $first: Int) {
    screen(entries: $entries, first: $first) {
      name
      candidates { score match matchedName entity { ...EntitySummary datasets } features { name value contribution } }
    }
  }
  ${ENTITY_SUMMARY}
`;

/** A piece of the graph as neighbourhood and subgraph return it. */
const SUBGRAPH_DATA = /* GraphQL */ `
  fragment SubgraphData on Subgraph {
      nodes { ...EntitySummary }
      edges { ...RelationshipData }
      omitted { id count }
      truncated
  }
  ${ENTITY_SUMMARY}
  ${RELATIONSHIP_DATA}
`;

const NEIGHBOURHOOD = /* GraphQL */ `
  query Neighbourhood($id: ID!, $depth: Int, $limit: Int, $relationshipTypes: [String!], $schemata: [String!], $at: String) {
    neighbourhood(id: $id, depth: $depth, limit: $limit, relationshipTypes: $relationshipTypes, schemata: $schemata, at: $at) {
      ...SubgraphData
    }
  }
  ${SUBGRAPH_DATA}
`;

const RELATIONSHIP_COUNTS = /* GraphQL */ `
  query RelationshipCounts($id: ID!) {
    entity(id: $id) { ...EntitySummary relationshipCounts { type direction count } }
  }
  ${ENTITY_SUMMARY}
`;

const RELATIONSHIPS = /* GraphQL */ `
  query Relationships($id: ID!, $first: Int, $after: String, $types: [String!], $direction: Direction, $at: String) {
    entity(id: $id) {
      id
      relationships(first: $first, after: $after, types: $types, direction: $direction, at: $at) {
        totalCount
        countsByType { type direction count }
        edges { cursor direction node { ...RelationshipData } other { ...EntitySummary } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${ENTITY_SUMMARY}
  ${RELATIONSHIP_DATA}
`;

const ENTITY = /* GraphQL */ `
  query Entity($id: ID!) { entity(id: $id) { ...EntityDetails } }
  ${ENTITY_SUMMARY}
  ${ENTITY_DETAILS}
`;

const SUBGRAPH = /* GraphQL */ `
  query Subgraph($ids: [ID!]!, $at: String) {
    subgraph(ids: $ids, at: $at) { ...SubgraphData }
  }
  ${SUBGRAPH_DATA}
`;

/** What the client reads of a path, shared by shortestPaths and paths. */
const PATH_DATA = /* GraphQL */ `
  fragment PathData on Path {
    length nodes { ...EntitySummary } hops { from { id } to { id } direction relationship { ...RelationshipData } }
  }
  ${ENTITY_SUMMARY}
  ${RELATIONSHIP_DATA}
`;

const SHORTEST_PATHS = /* GraphQL */ `
  query ShortestPaths($from: ID!, $to: ID!, $maxHops: Int, $k: Int, $relationshipTypes: [String!], $direction: Direction, $avoid: [ID!], $at: String) {
    shortestPaths(from: $from, to: $to, maxHops: $maxHops, k: $k, relationshipTypes: $relationshipTypes, direction: $direction, avoid: $avoid, at: $at) {
      ...PathData
    }
  }
  ${PATH_DATA}
`;

const ALL_PATHS = /* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $maxHops: Int, $first: Int, $relationshipTypes: [String!], $direction: Direction, $avoid: [ID!], $at: String) {
    paths(from: $from, to: $to, maxHops: $maxHops, first: $first, relationshipTypes: $relationshipTypes, direction: $direction, avoid: $avoid, at: $at) {
      ...PathData
    }
  }
  ${PATH_DATA}
`;

const METADATA = /* GraphQL */ `
  query Metadata {
    metadata {
      entityCount relationshipCount
      schemata { name count }
      relationshipTypes { type label description directed count }
      limits { maxHops maxPathHops maxK maxPaths maxDepth maxNeighbourhood maxSearchPage maxRelationshipsPage maxIds maxSubgraphIds }
    }
  }
`;

const LIST_HISTORY = /* GraphQL */ `
  query ListHistory { listHistory { dataset date records } }
`;

const TIMELINE = /* GraphQL */ `
  query Timeline($id: ID!) {
    entity(id: $id) {
      id
      listings { dataset from to }
      changes(first: 50) { totalCount edges { node { kind date dataset fields { field old new } } } }
    }
  }
`;

const LIST_CHANGES = /* GraphQL */ `
  query ListChanges($dataset: String!, $from: String!, $to: String!, $kinds: [ChangeKind!], $first: Int, $after: String) {
    listChanges(dataset: $dataset, from: $from, to: $to, kinds: $kinds, first: $first, after: $after) {
      totalCount
      edges { node { kind date recordId fields { field old new } entity { ...EntitySummary } } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${ENTITY_SUMMARY}
`;

export interface RelationshipPageRequest {
  id: string;
  types?: string[];
  direction?: Direction;
  first?: number;
  after?: string | null;
}

/** Typed calls of the API. */
export class SanctionsApi {
  /** The API's bounds, from the last `metadata()` (the app asks for it first thing). */
  private limits: Limits | null = null;
  /** The day the graph queries ask about (`at`); null: today's graph. */
  at: string | null = null;

  constructor(readonly client: GraphQLClient) {}

  async search(query: string, opts: { first?: number; schemata?: string[]; sanctioned?: boolean } = {}, signal?: AbortSignal) {
    const data = await this.client.request<{ search: SearchConnection }>(
      SEARCH,
      { query, first: opts.first ?? 8, ...opts, at: this.at },
      signal,
    );
    return data.search;
  }

  /** Bulk screening: candidates for each entry (at most 100 entries per call). */
  async screen(entries: ScreenEntry[], first = 3, signal?: AbortSignal) {
    const data = await this.client.request<{ screen: ScreenResult[] }>(SCREEN, { entries, first }, signal);
    return data.screen;
  }

  async neighbourhood(id: string, depth = 1, limit = 100, filters: { relationshipTypes?: string[]; schemata?: string[] } = {}) {
    const data = await this.client.request<{ neighbourhood: Subgraph }>(NEIGHBOURHOOD, { id, depth, limit, ...filters, at: this.at });
    return data.neighbourhood;
  }

  async relationshipCounts(id: string) {
    const data = await this.client.request<{ entity: (EntitySummary & { relationshipCounts: TypeCount[] }) | null }>(RELATIONSHIP_COUNTS, {
      id,
    });
    return data.entity;
  }

  async relationships({ id, types, direction = "ANY", first = 25, after = null }: RelationshipPageRequest) {
    const data = await this.client.request<{ entity: { id: string; relationships: RelationshipConnection } | null }>(RELATIONSHIPS, {
      id,
      types: types?.length ? types : null,
      direction,
      first,
      after,
      at: this.at,
    });
    return data.entity?.relationships ?? null;
  }

  async entity(id: string, signal?: AbortSignal) {
    const data = await this.client.request<{ entity: EntityDetails | null }>(ENTITY, { id }, signal);
    return data.entity;
  }

  /** Entities by id and every relationship among them, with what each has outside (any number of ids). */
  async subgraph(ids: string[]): Promise<Subgraph> {
    const { maxSubgraphIds } = this.limits ?? (await this.metadata()).limits;
    const parts = await Promise.all(
      subgraphRequests(ids, maxSubgraphIds).map((batch) =>
        this.client.request<{ subgraph: Subgraph }>(SUBGRAPH, { ids: batch, at: this.at }),
      ),
    );
    return mergeSubgraphs(parts.map((p) => p.subgraph));
  }

  async paths(q: PathQuery): Promise<Path[]> {
    const common = {
      from: q.from,
      to: q.to,
      maxHops: q.maxHops,
      relationshipTypes: q.relationshipTypes.length ? q.relationshipTypes : null,
      direction: q.direction,
      avoid: q.avoid.length ? q.avoid : null,
      at: this.at,
    };
    if (q.mode === "all") {
      const data = await this.client.request<{ paths: Path[] }>(ALL_PATHS, { ...common, first: q.k });
      return data.paths;
    }
    const data = await this.client.request<{ shortestPaths: Path[] }>(SHORTEST_PATHS, { ...common, k: q.k });
    return data.shortestPaths;
  }

  async listHistory() {
    const data = await this.client.request<ListHistoryQuery>(LIST_HISTORY);
    return data.listHistory;
  }

  async timeline(id: string, signal?: AbortSignal) {
    const data = await this.client.request<TimelineQuery>(TIMELINE, { id }, signal);
    return data.entity;
  }

  async listChanges(variables: ListChangesQueryVariables) {
    const data = await this.client.request<ListChangesQuery>(LIST_CHANGES, variables);
    return data.listChanges;
  }

  async metadata() {
    const data = await this.client.request<{ metadata: Metadata }>(METADATA);
    this.limits = data.metadata.limits;
    return data.metadata;
  }
}
