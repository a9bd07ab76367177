import { entitiesById } from "../server/db/queries/lookups.ts";
import { metadata } from "../server/db/queries/metadata.ts";
import { paths, shortestPath } from "../server/db/queries/paths.ts";
import type { Statement } from "../server/db/queries/query.ts";
import { search } from "../server/db/queries/search.ts";
import { neighbourhood } from "../server/db/queries/subgraphs.ts";
import { keysQuery } from "../server/matching/keys.ts";
import { SCAN } from "../server/matching/match.ts";
import { RELATIONSHIP_TYPE_NAMES } from "../server/model/vocabulary.ts";

/**
 * One benchmark case: a GraphQL operation and the Cypher it runs (the typed query's own statement, so the same file
 * and parameters as the resolver), so the bare driver's time is the floor the API is compared against.
 */
export interface Scenario {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  cypher: Statement;
  /** Further queries the resolvers run for this operation (e.g. DataLoader fields), run after `cypher` on the driver side. */
  also?: Statement[];
}

const ALL = [...RELATIONSHIP_TYPE_NAMES];

export function entityScenario(id: string): Scenario {
  return {
    name: "entity",
    graphql: { query: "query($id: ID!) { entity(id: $id) { id name schema aliases countries } }", variables: { id } },
    cypher: entitiesById.statement({ ids: [id] }),
  };
}

export function searchScenario(text: string): Scenario {
  return {
    name: `search "${text}"`,
    graphql: {
      query: "query($q: String!) { search(query: $q, first: 10) { totalCount edges { score node { id name } } } }",
      variables: { q: text },
    },
    cypher: search.statement({ lucene: keysQuery(text) as string, scan: SCAN, schemata: null, countries: null, sanctioned: null }),
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
    cypher: neighbourhood.statement({ id, depth: 1, types: ALL, schemata: null, limit }),
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
    cypher: shortestPath.statement({ from, to, maxHops, types: ALL, direction: "ANY", avoid: [] }),
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
    cypher: paths.statement({ from, to, maxHops, types: ALL, direction: "ANY", avoid: [], first: 10 }),
  };
}

export function metadataScenario(): Scenario {
  return {
    name: "metadata",
    graphql: { query: "{ metadata { entityCount relationshipCount schemata { name count } programs { name count } } }", variables: {} },
    cypher: metadata.statement({}),
  };
}
