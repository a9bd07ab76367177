import { describe, expect, it } from "vitest";
import { Graph } from "../../server/db/graph.ts";
import { freePort, startNeo4j } from "../../server/neo4j/launcher.ts";
import { errorCode, seededApi, testApi } from "../support/api.ts";

const { api } = seededApi();

describe("operation limits and masking", () => {
  it("rejects an operation nested too deep or too costly before running it", async () => {
    let selection = "id";
    for (let i = 0; i < 8; i++) selection = `relationships { edges { other { ${selection} } } }`;
    const res = await api.query(`{ entity(id: "ofac-52262") { ${selection} } }`);
    expect(res.errors?.[0].message).toMatch(/depth|cost/i);
    expect(res.data?.entity).toBeUndefined();
  });

  it("reports a syntax error with its location, not a 500", async () => {
    const response = await api.yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ entity(id: ) { id }" }),
    });
    expect(response.status).toBeLessThan(500);
    const body = await response.json();
    expect(body.errors[0].message).toMatch(/Syntax Error/);
    expect(body.errors[0].locations).toBeDefined();
  });

  it("answers /health with the database status", async () => {
    const response = await api.yoga.fetch("http://test/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: true });
  });
});

describe("database down", () => {
  it("gives DATABASE_UNAVAILABLE and a 503 health, then recovers by itself when the database returns", async () => {
    const port = await freePort();
    const down = new Graph({ uri: `bolt://127.0.0.1:${port}`, user: "neo4j", password: "unused", database: "neo4j" });
    const downApi = testApi(down);
    try {
      const res = await downApi.query(`{ search(query: "chonsurim") { totalCount } }`);
      expect(errorCode(res)).toBe("DATABASE_UNAVAILABLE");
      expect(res.errors![0].message).not.toMatch(/ECONNREFUSED|at .*\.ts/);
      const health = await downApi.yoga.fetch("http://test/health");
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "unavailable", database: false });

      const server = await startNeo4j({ port, log: () => {} });
      try {
        // A fresh Neo4j plans its first queries slowly (seconds on a busy machine): until then, coded errors only.
        let back = await downApi.query(`{ metadata { entityCount } }`);
        while (back.errors) {
          expect(["DATABASE_UNAVAILABLE", "QUERY_TIMEOUT"]).toContain(errorCode(back));
          back = await downApi.query(`{ metadata { entityCount } }`);
        }
        expect(back.data!.metadata.entityCount).toBe(0);
        // Health answers within a second; on a busy machine a first probe of a fresh server may miss that.
        await expect.poll(async () => (await downApi.yoga.fetch("http://test/health")).status, { timeout: 30_000 }).toBe(200);
      } finally {
        await server.stop();
      }
    } finally {
      await down.close();
    }
  }, 240_000); // starts a Neo4j: minutes on a busy machine
});
