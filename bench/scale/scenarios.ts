import { ownedCompany } from "../../server/db/queries/bench.ts";
import { entitiesById, relationshipCounts, relationshipsPage } from "../../server/db/queries/lookups.ts";
import type { Runner } from "../../server/db/queries/query.ts";
import { RELATIONSHIP_TYPE_NAMES } from "../../server/model/vocabulary.ts";
import type { Sidecar } from "../generator/network.ts";
import {
  entityScenario,
  exposureScenario,
  matchScenario,
  neighbourhoodScenario,
  ownershipScenario,
  pathsScenario,
  type Scenario,
  searchScenario,
  shortestPathsScenario,
} from "../scenarios.ts";

/** A super-node's first page of relationships with its per-type counts: how the client expands a hub. */
export function relationshipsPageScenario(id: string, first = 25): Scenario {
  return {
    name: "super-node relationships page (25) + counts",
    graphql: {
      query:
        "query($id: ID!, $first: Int) { entity(id: $id) { id relationshipCounts { type direction count } relationships(first: $first) { totalCount edges { direction node { id type } other { id name } } pageInfo { hasNextPage endCursor } } } }",
      variables: { id, first },
    },
    cypher: entitiesById.statement({ ids: [id] }),
    also: [
      relationshipCounts.statement({ ids: [id] }),
      relationshipsPage.statement({ ids: [id], types: [...RELATIONSHIP_TYPE_NAMES], direction: "ANY", offset: 0, limit: first }),
    ],
  };
}

/** The benchmark's queries on a generated network, with targets from its sidecar (ownership reads its structure). */
export async function scaleScenarios(t: Sidecar, graph: Runner): Promise<Scenario[]> {
  const normal = t.normalNodes[0].id;
  const [owned] = await ownedCompany(graph, {});
  const company = owned?.id ?? normal;
  const hub = t.superNodes[0];
  const person = t.searchSamples[0] ?? { name: "Kim Chol", aliases: ["Gim Cheol"] };
  const variant = person.aliases[1] ?? person.aliases[0] ?? person.name;
  const scenarios: Scenario[] = [
    entityScenario(normal),
    searchScenario(variant),
    searchScenario("Osong Shipping"),
    neighbourhoodScenario(normal, "neighbourhood (normal node)"),
    neighbourhoodScenario(hub.id, `neighbourhood (super-node, ${hub.degree} links, limit 100)`),
    relationshipsPageScenario(hub.id),
  ];
  for (const pair of t.pathPairs) {
    scenarios.push(shortestPathsScenario(pair.from, pair.to, 6, `shortestPaths ${pair.hops} hops (maxHops 6)`));
  }
  const three = t.pathPairs.find((p) => p.hops === 3);
  if (three) scenarios.push({ ...pathsScenario(three.from, three.to, 4), name: "paths 3 hops apart (maxHops 4, first 10)" });
  scenarios.push(
    exposureScenario(normal, "exposure (normal node, 3 hops)"),
    exposureScenario(hub.id, `exposure (super-node, ${hub.degree} links, 3 hops)`),
    await ownershipScenario(graph, company, "OFAC_50"),
    await ownershipScenario(graph, company, "EU_50"),
    matchScenario(variant),
  );
  return scenarios;
}

/** The mix for the concurrent run: the interactive queries an analyst's client sends. */
export function concurrentMix(all: Scenario[]): Scenario[] {
  return all.filter((s) => !/^(paths|exposure|ownership|match)/.test(s.name));
}
