import { beforeEach, describe, expect, it } from "vitest";
import { cypher } from "../../server/db/cypher.ts";
import { RELATIONSHIP_TYPE_NAMES } from "../../server/model/vocabulary.ts";
import { testApi } from "../support/api.ts";
import { type RecordedQuery, recordingGraph } from "../support/recording-graph.ts";

// Which Cypher file, parameters, bounds and timeout a GraphQL request produces, without a database (the way
// @neo4j/graphql tests its translation): a change in what the API asks of Neo4j shows up here first.
const ALL = RELATIONSHIP_TYPE_NAMES;
const entity = { id: "e1", schema: "Person", name: "One" };
const recorder = recordingGraph({
  "read/search": [{ entity, sameAs: [] }],
  "read/neighbourhood": [{ nodes: [entity], edges: [], omitted: [], truncated: false }],
  "read/subgraph": [{ nodes: [entity], edges: [], omitted: [] }],
  "read/entities-by-id": [
    { id: "e1", entity },
    { id: "e2", entity: { ...entity, id: "e2" } },
  ],
  "read/exposure": [{ total: 0, more: false, summary: [], page: [] }],
  "read/metadata": [{ entityCount: 1, schemata: [], relationshipTypes: [], programs: [], datasets: [], publishers: [] }],
});
const api = testApi(recorder.graph);

async function run(document: string, variables: Record<string, unknown> = {}): Promise<RecordedQuery[]> {
  recorder.queries.length = 0;
  const response = await api.query(document, variables);
  expect(response.errors).toBeUndefined();
  return recorder.queries.map(({ name, params, options }) => ({ name, params, options: { ...options, signal: undefined } }));
}

describe("GraphQL to Cypher", () => {
  beforeEach(() => {
    recorder.queries.length = 0;
  });

  it("search: the match-keys query built from [a-z0-9] tokens, the filters and the scan (the API ranks and pages)", async () => {
    const [q] = await run(
      `{ search(query: "son kyong~sik", first: 5, schemata: ["Person"], countries: ["KP"], sanctioned: true, at: "2022-03") { totalCount } }`,
    );
    expect(q).toEqual({
      name: "read/search",
      params: {
        lucene: expect.stringContaining("kyong"),
        scan: 120,
        schemata: ["Person"],
        countries: ["kp"],
        sanctioned: true,
        at: "2022-03-01",
      },
      options: { bounds: undefined, timeoutMs: 5_000, signal: undefined },
    });
    expect(q.params.lucene).not.toContain("~sik");
  });

  it("entity: one batched lookup by id, then sanctions and sources in one query each", async () => {
    const queries = await run(`{ entities(ids: ["e1", "e2"]) { id sanctions { id } } }`);
    expect(queries.map((q) => [q.name, q.params])).toEqual([
      ["read/entities-by-id", { ids: ["e1", "e2"] }],
      ["read/sanctions-by-entity", { ids: ["e1", "e2"] }],
    ]);
  });

  it("neighbourhood: depth is written into the quantifier, everything else is a parameter", async () => {
    const [q] = await run(`{ neighbourhood(id: "e1", depth: 2, relationshipTypes: ["OWNS", "OWNS"]) { truncated } }`);
    expect(q.name).toBe("read/neighbourhood");
    expect(q.params).toEqual({ id: "e1", types: ["OWNS"], schemata: null, limit: 100, at: null });
    expect(q.options).toMatchObject({ bounds: { depth: 2 }, timeoutMs: 10_000 });
    expect(cypher(q.name, q.options.bounds)).toContain("{1,2}");
  });

  it("subgraph: ids once each, all relationship types by default", async () => {
    const [q] = await run(`{ subgraph(ids: ["e1", "e1", "e2"]) { truncated } }`);
    expect([q.name, q.params]).toEqual(["read/subgraph", { ids: ["e1", "e2"], types: ALL, at: null }]);
  });

  it("shortestPaths: k = 1 runs shortestPath(), k > 1 runs SHORTEST k", async () => {
    const args = `from: "e1", to: "e2", maxHops: 3, direction: OUTGOING, avoid: ["e3"]`;
    const [one] = await run(`{ shortestPaths(${args}) { length } }`);
    const params = { from: "e1", to: "e2", types: ALL, direction: "OUTGOING", avoid: ["e3"], at: null };
    expect([one.name, one.params, one.options.bounds]).toEqual(["read/shortest-path", params, { maxHops: 3 }]);
    const [three] = await run(`{ shortestPaths(${args}, k: 3) { length } }`);
    expect([three.name, three.params, three.options.bounds]).toEqual(["read/shortest-paths", params, { maxHops: 3, k: 3 }]);
    expect(cypher(three.name, three.options.bounds)).toContain("SHORTEST 3");
    expect(three.options.timeoutMs).toBe(10_000);
  });

  it("paths: first is a parameter, maxHops a bound; an empty answer checks that both ends exist", async () => {
    const queries = await run(`{ paths(from: "e1", to: "e2", first: 7, relationshipTypes: ["OWNS"]) { length } }`);
    expect(queries.map((q) => q.name)).toEqual(["read/paths", "read/entities-by-id"]);
    expect(queries[0].params).toEqual({ from: "e1", to: "e2", types: ["OWNS"], direction: "ANY", avoid: [], at: null, first: 7 });
    expect(queries[0].options.bounds).toEqual({ maxHops: 4 });
  });

  it("at: a day (partial dates mean their first day) passed as a parameter; an impossible date never reaches the database", async () => {
    const [q] = await run(`{ subgraph(ids: ["e1"], at: "2022-03") { truncated } }`);
    expect(q.params.at).toBe("2022-03-01");
    recorder.queries.length = 0;
    const response = await api.query(`{ subgraph(ids: ["e1"], at: "2024-13-45") { truncated } }`);
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(recorder.queries).toEqual([]);
  });

  it("metadata: one query over the vocabulary", async () => {
    const [q] = await run(`{ metadata { entityCount limits { maxK } } }`);
    expect([q.name, q.params, q.options.timeoutMs]).toEqual(["read/metadata", { types: ALL }, 15_000]);
  });

  it("bad arguments never reach the database", async () => {
    recorder.queries.length = 0;
    const response = await api.query(`{ shortestPaths(from: "e1", to: "e2", k: 11) { length } }`);
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(recorder.queries).toEqual([]);
  });
});

describe("GraphQL to Cypher: exposure", () => {
  it("writes maxHops into the quantifier; types, authorities (family codes expanded), date and caps are parameters", async () => {
    const [q] = await run(
      `{ exposure(id: "e1", maxHops: 2, authorities: ["OFAC", "Treasury"], at: "2024-06", avoid: ["e9"]) { totalCount } }`,
    );
    expect(q.name).toBe("read/exposure");
    expect(q.params).toEqual({
      id: "e1",
      types: ALL,
      authorities: ["office of foreign assets control", "ofac", "treasury"],
      avoid: ["e9"],
      at: "2024-06-01",
      past: true,
      maxDegree: 1000,
      scan: 1000,
      offset: 0,
      first: 20,
    });
    expect(q.options).toMatchObject({ bounds: { maxHops: 2 }, timeoutMs: 20_000 });
    expect(cypher(q.name, q.options.bounds)).toContain("){1,2}(e:Entity)");
  });

  it("without `at` asks about today, so only the `sanctioned` flag (sanctioned now) picks the candidate parties", async () => {
    const [q] = await run(`{ exposure(id: "e1") { totalCount } }`);
    expect(q.params).toMatchObject({ at: new Date().toISOString().slice(0, 10), past: false });
  });
});
