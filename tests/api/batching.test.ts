import { beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { LIMITS } from "../../server/graphql/limits.ts";
import { seededApi } from "../support/api.ts";

// Fields under a list load in batches (issue 15): `entities(ids) { relationships }` was one query per entity
// (200 queries, 16.7 s cold at 1M entities); now a handful, whatever the list's length.
const { graph, api } = seededApi();

/** Counts the Cypher files a request runs (every query of the API goes through Graph.read). */
function countQueries(g: Graph) {
  const counts = new Map<string, number>();
  const read = g.read.bind(g);
  g.read = ((name: string, ...rest: Parameters<Graph["read"]> extends [string, ...infer R] ? R : never) => {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    return read(name, ...rest);
  }) as Graph["read"];
  return counts;
}

const FIELDS = `id relationshipCounts { type count } sanctions { program sources { id } } sources { id }
  relationships(first: ${LIMITS.maxRelationshipsPage}) { totalCount edges { cursor direction node { id type sources { id } } other { id name } } }`;

let ids: string[];
let counts: Map<string, number>;
beforeAll(async () => {
  const session = graph.driver.session({ database: graph.database });
  try {
    ids = (await session.run("MATCH (e:Entity) RETURN e.id AS id ORDER BY id")).records.map((r) => r.get("id"));
  } finally {
    await session.close();
  }
  counts = countQueries(graph);
});

describe("batched fields under a list", () => {
  it("entities(all ids) { relationships, sanctions, sources, counts } runs one query per field and depth", async () => {
    // Ids repeated up to the limit: the list is as long as the API allows.
    const many = Array.from({ length: LIMITS.maxIds }, (_, i) => ids[i % ids.length]);
    counts.clear();
    const res = await api.query(`query($ids: [ID!]!) { entities(ids: $ids) { ${FIELDS} } }`, { ids: many });
    expect(res.errors).toBeUndefined();
    expect(res.data!.entities).toHaveLength(LIMITS.maxIds);
    expect(Object.fromEntries(counts)).toEqual({
      "read/entities-by-id": 1,
      "read/relationships-page": 1,
      "read/relationship-counts": 1,
      "read/sanctions-by-entity": 1,
      // Sources are asked for at two depths (entities; their sanctions and relationships): one batch per depth.
      "read/sources-by-id": 2,
    });
  });

  it("gives each entity the same page it gets alone", async () => {
    const together = await api.query(`query($ids: [ID!]!) { entities(ids: $ids) { ${FIELDS} } }`, { ids });
    for (const [i, id] of ids.entries()) {
      const alone = await api.query(`query($id: ID!) { entity(id: $id) { ${FIELDS} } }`, { id });
      expect(together.data!.entities[i]).toEqual(alone.data!.entity);
    }
    expect(together.data!.entities.some((e: { relationships: { totalCount: number } }) => e.relationships.totalCount > 1)).toBe(true);
  });

  it("batches by page: different pages in one request are one query each", async () => {
    counts.clear();
    const res = await api.query(
      `query($ids: [ID!]!) { a: entities(ids: $ids) { relationships(first: 1) { totalCount } } b: entities(ids: $ids) { relationships(first: 2, direction: OUTGOING) { totalCount } } }`,
      { ids },
    );
    expect(res.errors).toBeUndefined();
    expect(counts.get("read/relationships-page")).toBe(2);
  });
});
