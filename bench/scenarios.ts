import { RULES } from "../server/analysis/ownership.ts";
import { exposure, ownershipOwners, ownershipSubject } from "../server/db/queries/exposure.ts";
import { entitiesById, relationshipsPage } from "../server/db/queries/lookups.ts";
import { metadata } from "../server/db/queries/metadata.ts";
import { paths, shortestPath } from "../server/db/queries/paths.ts";
import type { Runner, Statement } from "../server/db/queries/query.ts";
import { search } from "../server/db/queries/search.ts";
import { neighbourhood } from "../server/db/queries/subgraphs.ts";
import { LIMITS } from "../server/graphql/limits.ts";
import { keysQuery } from "../server/matching/keys.ts";
import { SCAN } from "../server/matching/match.ts";
import { authorityPatterns } from "../server/model/authorities.ts";
import { RELATIONSHIP_TYPE_NAMES } from "../server/model/vocabulary.ts";
import { PEER_DEPTH, PEER_MAX_HOPS, relationshipFields } from "./peer/type-defs.ts";

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
  /** The same operation on the peer API (bench/peer: @neo4j/graphql), where it has one. */
  peer?: { query: string; variables: Record<string, unknown> };
}

const ALL = [...RELATIONSHIP_TYPE_NAMES];

/** Every relationship field of the peer's `Entity`, each a connection with its first page (its native form). */
const peerRelationships = relationshipFields()
  .map(({ field }) => `${field}Connection(first: $first) { totalCount edges { properties { id role } node { id name } } }`)
  .join(" ");

/** An entity with the first page of its relationships (each with the entity at the other end). */
export function entityScenario(id: string, first = 25): Scenario {
  return {
    name: "entity with relationships (25)",
    graphql: {
      query:
        "query($id: ID!, $first: Int) { entity(id: $id) { id name schema aliases countries relationships(first: $first) { totalCount edges { direction node { id type role } other { id name } } } } }",
      variables: { id, first },
    },
    cypher: entitiesById.statement({ ids: [id] }),
    also: [relationshipsPage.statement({ ids: [id], types: ALL, direction: "ANY", offset: 0, limit: first })],
    peer: {
      query: `query($id: ID!, $first: Int) { entities(where: { id: { eq: $id } }) { id name schema aliases countries ${peerRelationships} } }`,
      variables: { id, first },
    },
  };
}

export function searchScenario(text: string): Scenario {
  return {
    name: `search "${text}"`,
    graphql: {
      query: "query($q: String!) { search(query: $q, first: 10) { totalCount edges { score node { id name } } } }",
      variables: { q: text },
    },
    cypher: search.statement({
      lucene: keysQuery(text) as string,
      scan: SCAN,
      schemata: null,
      countries: null,
      sanctioned: null,
      at: null,
    }),
    // The peer's native search: @fulltext on the names' index (entity_names, names and aliases), Lucene's score.
    peer: {
      query: "query($q: String!) { searchEntities(phrase: $q, first: 10) { edges { score node { id name } } } }",
      variables: { q: text },
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
    cypher: neighbourhood.statement({ id, depth: PEER_DEPTH, types: ALL, schemata: null, limit }),
    peer: {
      query:
        "query($id: ID!, $limit: Int!, $types: [String!]!) { neighbourhood(id: $id, limit: $limit, types: $types, schemata: null, at: null) { nodes { id name schema } edges { id type source target } omitted { id count } truncated } }",
      variables: { id, limit, types: ALL },
    },
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
    // The peer's @cypher text has its bound written in: comparable only at the same bound.
    ...(maxHops === PEER_MAX_HOPS
      ? {
          peer: {
            query:
              'query($from: ID!, $to: ID!, $types: [String!]!) { shortestPath(from: $from, to: $to, types: $types, direction: "ANY", avoid: [], at: null) { nodes { id name } relationships { id type role source target } } }',
            variables: { from, to, types: ALL },
          },
        }
      : {}),
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

const today = () => new Date().toISOString().slice(0, 10);

/** Exposure with the API's defaults (3 hops, degree cap 1000, first 20): the resolver's query, then its entity. */
export function exposureScenario(id: string, label = "exposure (3 hops)"): Scenario {
  const first = 20;
  return {
    name: label,
    graphql: {
      query:
        "query($id: ID!) { exposure(id: $id) { totalCount complete leftOut byAuthority { name count } parties { distance entity { id name } sanctions { authority program } path { length nodes { id name } hops { direction relationship { id type role } } } } } }",
      variables: { id },
    },
    cypher: exposure.statement({
      id,
      maxHops: 3,
      types: ALL,
      authorities: null,
      avoid: [],
      at: today(),
      past: false,
      maxDegree: 1000,
      scan: LIMITS.maxExposureParties,
      offset: 0,
      first,
    }),
    also: [entitiesById.statement({ ids: [id] })],
  };
}

/**
 * Ownership under a rule: the resolver reads the structure one level per query, so the driver side replays the
 * same statements (the subject, then each level's owners), found here by walking the structure once.
 */
export async function ownershipScenario(graph: Runner, id: string, rule: keyof typeof RULES = "OFAC_50"): Promise<Scenario> {
  const at = today();
  const { incoming, outgoing, defaultAuthorities } = RULES[rule];
  const authorities = authorityPatterns([defaultAuthorities]) as string[];
  const steps: Statement[] = [ownershipSubject.statement({ id, at, authorities })];
  const seen = new Set([id]);
  let frontier = [id];
  for (let depth = 0; frontier.length && depth < 6; depth++) {
    const params = { ids: frontier, incoming, outgoing, at, past: false, authorities, cap: LIMITS.maxOwnershipLinks };
    steps.push(ownershipOwners.statement(params));
    const rows = await ownershipOwners(graph, params);
    frontier = [...new Set(rows.map((r) => r.owner.id).filter((o) => !seen.has(o)))];
    for (const o of frontier) seen.add(o);
  }
  return {
    name: `ownership (${rule}, ${seen.size - 1} owners)`,
    graphql: {
      query: `query($id: ID!) { ownership(id: $id, rule: ${rule}) { blockedByOwnership verdict blockedShare unknownShares conflictingData chains { links { owner asset share counted } } nodes { entity { id name } depth blocked } } }`,
      variables: { id },
    },
    cypher: steps[0],
    also: steps.slice(1),
  };
}

/** Screening one name: the index candidates (the Cypher), scored in the API. */
export function matchScenario(name: string, schema = "Person"): Scenario {
  return {
    name: `match "${name}"`,
    graphql: {
      query:
        "query($name: String!, $schema: String) { match(name: $name, schema: $schema) { score match matchedName entity { id name } features { name value contribution } } }",
      variables: { name, schema },
    },
    cypher: search.statement({
      lucene: keysQuery(name) as string,
      scan: SCAN,
      schemata: null,
      countries: null,
      sanctioned: null,
      at: null,
    }),
  };
}
