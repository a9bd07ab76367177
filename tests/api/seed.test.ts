import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSeed, loadSeed, readSeeds } from "../../server/seed.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

const graph = testGraph();
beforeAll(() => resetDatabase(graph, { seed: false }));
afterAll(() => graph.close());

/** A fingerprint of the whole graph: every node and relationship with all its properties. */
async function fingerprint() {
  const { records } = await graph.driver.executeQuery(
    `MATCH (n) OPTIONAL MATCH (n)-[r]->(m)
     WITH n, r, m ORDER BY n.id, r.id
     RETURN collect([labels(n), properties(n), type(r), properties(r), m.id]) AS all`,
    {},
    { database: graph.database },
  );
  return JSON.stringify(records[0].get("all"));
}

describe("the seed", () => {
  it("cites a known source for every entity, relationship and sanction", () => {
    for (const { file, seed } of readSeeds()) {
      expect(checkSeed(seed), file).toEqual([]);
      for (const source of seed.sources) {
        expect(source.publisher, source.id).toBeTruthy();
        expect(source.excerpt ?? source.url, source.id).toBeTruthy();
      }
    }
  });

  it("loads idempotently: twice gives the same graph", async () => {
    const counts = await loadSeed(graph);
    expect(counts.entities).toBeGreaterThan(5);
    const once = await fingerprint();
    await loadSeed(graph);
    expect(await fingerprint()).toBe(once);
  });

  it("uses OFAC's published names and keeps the article's spellings as aliases", async () => {
    const { records } = await graph.driver.executeQuery(
      "MATCH (e:Entity {id: 'ofac-52282'}) RETURN e.name AS name, e.aliases AS aliases",
      {},
      { database: graph.database },
    );
    expect(records[0].get("name")).toBe("KOREA OSONG SHIPPING CORPORATION");
    expect(records[0].get("aliases")).toEqual(expect.arrayContaining(["OSONG SHIPPING COMPANY", "Korea Osong Shipping Co"]));
  });
});
