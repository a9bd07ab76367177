import { configFromEnv, Graph } from "./db/graph.ts";
import { applySchema } from "./db/schema.ts";
import { loadSeed } from "./seed.ts";

/** `npm run seed`: loads seeds/*.json into the Neo4j that NEO4J_URI names. Idempotent. */
const config = configFromEnv();
if (!config) {
  console.error("Set NEO4J_URI (e.g. bolt://127.0.0.1:7687, the local server `npm start` runs) to say where to load the seed.");
  process.exit(2);
}
const graph = new Graph(config);
try {
  await applySchema(graph);
  const counts = await loadSeed(graph);
  console.log(`Seed loaded: ${counts.entities} entities, ${counts.relationships} relationships, ${counts.sanctions} sanctions.`);
} catch (error) {
  console.error(`Could not load the seed into ${config.uri}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await graph.close();
}
