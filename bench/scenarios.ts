import { RELATIONSHIP_TYPE_NAMES } from "../server/model/vocabulary.ts";

/**
 * One benchmark case: a GraphQL operation and the Cypher it runs (same file, same parameters), so the bare
 * driver's time is the floor the API is compared against.
 */
export interface Scenario {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  cypher: CypherStep;
  /** Further queries the resolvers run for this operation (e.g. DataLoader fields), run after `cypher` on the driver side. */
  also?: CypherStep[];
}

export interface CypherStep {
  name: string;
  params: Record<string, unknown>;
  bounds?: Record<string, number>;
}

const ALL = RELATIONSHIP_TYPE_NAMES;

export function entityScenario(id: string): Scenario {
  return {
    name: "entity",
    graphql: { query: "query($id: ID!) { entity(id: $id) { id name schema aliases countries } }", variables: { id } },
    cypher: { name: "read/entities-by-id", params: { ids: [id] } },
  };
}

export function searchScenario(text: string, lucene: string): Scenario {
  return {
    name: `search "${text}"`,
    graphql: {
      query: "query($q: String!) { search(query: $q, first: 10) { totalCount edges { score node { id name } } } }",
      variables: { q: text },
    },
    cypher: {
      name: "read/search",
      params: { lucene, scan: 1000, schemata: null, countries: null, sanctioned: null, offset: 0, limit: 10 },
    },
  };
}

export function neighbourhoodScenario(id: string, label = "neighbourhood", limit = 100): Scenario {
  return {
    name: label,
    graphql: {
      query:
        "query($id: ID!, $limit: Int) { neighbourhood(id: $id, depth: 1, limit: $limit) { nodes { id name schema } edges { id type source { id } target { id } } omitted { id count } truncated } }",
      variables: { id, limit },
    },
    cypher: { name: "read/neighbourhood", params: { id, types: ALL, schemata: null, limit }, bounds: { depth: 1 } },
  };
}

export function shortestPathsScenario(from: string, to: string, maxHops: number, label = "shortestPaths"): Scenario {
  return {
    name: label,
    graphql: {
      query:
        "query($from: ID!, $to: ID!, $maxHops: Int) { shortestPaths(from: $from, to: $to, maxHops: $maxHops) { length nodes { id name } hops { direction relationship { id type role } } } }",
      variables: { from, to, maxHops },
    },
    // k = 1 (the default): the resolver runs read/shortest-path.
    cypher: { name: "read/shortest-path", params: { from, to, types: ALL, direction: "ANY", avoid: [] }, bounds: { maxHops } },
  };
}

export function pathsScenario(from: string, to: string, maxHops: number): Scenario {
  return {
    name: "paths",
    graphql: {
      query:
        "query($from: ID!, $to: ID!, $maxHops: Int) { paths(from: $from, to: $to, maxHops: $maxHops, first: 10) { length nodes { id name } hops { direction relationship { id type role } } } }",
      variables: { from, to, maxHops },
    },
    cypher: { name: "read/paths", params: { from, to, types: ALL, direction: "ANY", avoid: [], first: 10 }, bounds: { maxHops } },
  };
}

export function metadataScenario(): Scenario {
  return {
    name: "metadata",
    graphql: { query: "{ metadata { entityCount relationshipCount schemata { name count } programs { name count } } }", variables: {} },
    cypher: { name: "read/metadata", params: { types: ALL } },
  };
}
