import { inject } from "vitest";
import { Graph } from "../../server/db/graph.ts";
import { applySchema } from "../../server/db/schema.ts";
import { loadSeed } from "../../server/seed.ts";

/** A Graph on the run's Neo4j (see global-setup.ts). */
export function testGraph(): Graph {
  return new Graph({ uri: inject("neo4jUri"), user: "neo4j", password: "unused", database: "neo4j" });
}

/** Empties the database, applies the schema and, unless told otherwise, loads the seed. */
export async function resetDatabase(graph: Graph, { seed = true } = {}): Promise<void> {
  // CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  const session = graph.driver.session({ database: graph.database });
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await session.close();
  }
  await applySchema(graph);
  if (seed) await loadSeed(graph);
}
