import { inject } from "vitest";
import { Graph } from "../../server/db/graph.ts";
import { applySchema, emptyDatabase } from "../../server/db/schema.ts";
import { loadSeed } from "../../server/seed.ts";

/** A Graph on the run's Neo4j (see global-setup.ts). */
export function testGraph(): Graph {
  return new Graph({ uri: inject("neo4jUri"), user: "neo4j", password: "unused", database: "neo4j" });
}

/** Empties the database, applies the schema and, unless told otherwise, loads the seed. */
export async function resetDatabase(graph: Graph, { seed = true } = {}): Promise<void> {
  await emptyDatabase(graph);
  await applySchema(graph);
  if (seed) await loadSeed(graph);
}
