import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPeerServer } from "../../bench/peer/server.ts";
import { PEER_MAX_HOPS } from "../../bench/peer/type-defs.ts";
import { entityScenario, neighbourhoodScenario, type Scenario, searchScenario, shortestPathsScenario } from "../../bench/scenarios.ts";
import { seededApi } from "../support/api.ts";

// The peer benchmark compares like with like only if the peer's operations answer what ours answer: checked here
// on the seed, with the benchmark's own scenarios, ours in-process and the peer over HTTP.
const { graph, api } = seededApi();
let peer: Server;
let peerUrl: string;

beforeAll(async () => {
  peer = await createPeerServer(graph.driver, graph.database);
  await new Promise<void>((resolve) => peer.listen(0, "127.0.0.1", resolve));
  peerUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => peer.close(() => resolve())));

type Data = Record<string, any>;

async function both(s: Scenario): Promise<{ ours: Data; theirs: Data }> {
  const ours = await api.query(s.graphql.query, s.graphql.variables);
  expect(ours.errors).toBeUndefined();
  if (!s.peer) throw new Error(`${s.name} has no peer operation`);
  const response = await fetch(peerUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(s.peer) });
  const theirs = (await response.json()) as { data?: Data; errors?: unknown[] };
  expect(theirs.errors).toBeUndefined();
  return { ours: ours.data as Data, theirs: theirs.data as Data };
}

describe("the peer API (@neo4j/graphql) on the same Neo4j", () => {
  it("gives an entity with as many relationships as ours, with the same ends", async () => {
    const { ours, theirs } = await both(entityScenario("ofac-52262"));
    const [entity] = theirs.entities;
    expect(entity.name).toBe(ours.entity.name);
    const connections = Object.entries(entity).filter(([key]) => key.endsWith("Connection")) as [string, Data][];
    const total = connections.reduce((n, [, c]) => n + c.totalCount, 0);
    expect(total).toBe(ours.entity.relationships.totalCount);
    expect(total).toBeGreaterThan(3);
    const peerEnds = connections.flatMap(([, c]) => c.edges.map((e: Data) => e.node.id)).sort();
    expect(peerEnds).toEqual(ours.entity.relationships.edges.map((e: Data) => e.other.id).sort());
  });

  it("finds the searched person with its full-text search", async () => {
    const { ours, theirs } = await both(searchScenario("Son Kyong-sik"));
    expect(ours.search.edges[0].node.id).toBe("ofac-52286");
    expect(theirs.searchEntities.edges.map((e: Data) => e.node.id)).toContain("ofac-52286");
  });

  it("gives the same neighbourhood (nodes, edges, omitted counts) through @cypher", async () => {
    const { ours, theirs } = await both(neighbourhoodScenario("ofac-52262"));
    const ids = (list: Data[]) => list.map((x) => x.id).sort();
    expect(ids(theirs.neighbourhood.nodes)).toEqual(ids(ours.neighbourhood.nodes));
    expect(ids(theirs.neighbourhood.edges)).toEqual(ids(ours.neighbourhood.edges));
    expect(theirs.neighbourhood.omitted).toEqual(expect.arrayContaining(ours.neighbourhood.omitted));
    expect(ours.neighbourhood.nodes.length).toBeGreaterThan(3);
  });

  it("gives a shortest path of the same length through @cypher", async () => {
    const { ours, theirs } = await both(shortestPathsScenario("ofac-52264", "ofac-52289", PEER_MAX_HOPS));
    expect(ours.shortestPaths[0].length).toBe(3);
    expect(theirs.shortestPath.relationships).toHaveLength(3);
    expect(theirs.shortestPath.nodes.map((n: Data) => n.id)).toEqual(ours.shortestPaths[0].nodes.map((n: Data) => n.id));
  });
});
