import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Graph } from "../../server/db/graph.ts";
import { adminImport } from "../../server/import/bulk/admin.ts";
import { writeHome } from "../../server/neo4j/conf.ts";
import { freePort, startNeo4j } from "../../server/neo4j/launcher.ts";

// The bulk import's neo4j-admin step (server/import/bulk/admin.ts) builds the new database beside the home's
// `neo4j` database and moves it in only when the import succeeded: a failed import leaves the database as it was.

describe("neo4j-admin import into a home", () => {
  const dir = mkdtempSync(join(tmpdir(), "bulk-admin-"));
  const home = join(dir, "home");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const csv = (name: string, ids: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, ["id:ID(Entity),:LABEL,name:string", ...ids.map((id) => `"${id}",Entity,"Name ${id}"`)].join("\n"));
    return path;
  };
  const run = (nodes: string) =>
    adminImport({
      home,
      nodes: [nodes],
      relationships: [],
      multiline: false,
      arrayDelimiter: "\u001f",
      reportFile: join(dir, "report"),
      log: () => {},
    });

  it("a failed import leaves the database that was there; a good one replaces it", async () => {
    const port = await freePort();
    writeHome({ home, port, pageCache: "64m" });
    await run(csv("first.csv", ["a", "b"]));
    // neo4j-admin refuses duplicate ids (--skip-duplicate-nodes=false): the first database must survive.
    await expect(run(csv("duplicates.csv", ["c", "c", "d"]))).rejects.toThrow(
      /exited with [1-9]\d* \(the database in .* was not changed\)/,
    );
    expect(existsSync(join(home, "data", "databases", "bulk-import"))).toBe(false);
    const ids = async () => {
      const server = await startNeo4j({ home, port, heap: "256m", pageCache: "64m", log: () => {} });
      const graph = new Graph({ uri: server.uri, user: "neo4j", password: "unused", database: "neo4j" });
      try {
        const { records } = await graph.driver.executeQuery("MATCH (e:Entity) RETURN e.id AS id ORDER BY id", {}, { database: "neo4j" });
        return records.map((r) => r.get("id"));
      } finally {
        await graph.close();
        await server.stop();
      }
    };
    expect(await ids()).toEqual(["a", "b"]);
    await run(csv("second.csv", ["x", "y", "z"]));
    expect(await ids()).toEqual(["x", "y", "z"]);
  });
});
