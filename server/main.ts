import { join } from "node:path";
import { configFromEnv, Graph } from "./db/graph.ts";
import { applySchema } from "./db/schema.ts";
import { createHttpServer } from "./http.ts";
import { type LocalNeo4j, startNeo4j } from "./neo4j/launcher.ts";
import { projectRoot } from "./paths.ts";
import { loadSeed } from "./seed.ts";
import { createYogaServer } from "./yoga.ts";

/**
 * `npm start`: uses the Neo4j named by NEO4J_URI, or else starts the local one (Maven jars, data in .data/neo4j,
 * Bolt on 127.0.0.1:NEO4J_PORT or 7687); applies the schema; loads the seed into an empty database; serves the API.
 */
async function main() {
  const port = Number(process.env.PORT ?? 4000);
  let local: LocalNeo4j | undefined;
  let config = configFromEnv();
  if (!config) {
    local = await startNeo4j({
      port: Number(process.env.NEO4J_PORT ?? 7687),
      home: process.env.NEO4J_HOME ?? join(projectRoot, ".data", "neo4j"),
      heap: process.env.NEO4J_HEAP ?? "1g",
      pageCache: process.env.NEO4J_PAGECACHE ?? "512m",
    });
    config = { uri: local.uri, user: "neo4j", password: "", database: "neo4j" };
  }
  const graph = new Graph(config);
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log("Stopping...");
    server.close();
    await graph.close();
    if (local) {
      await local.stop();
      console.log("Neo4j stopped.");
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());

  try {
    await applySchema(graph);
    const existing = await graph.read("read/metadata-count");
    if (existing.records[0].get("entities") === 0) {
      const counts = await loadSeed(graph);
      console.log(`Loaded the seed: ${counts.entities} entities, ${counts.relationships} relationships, ${counts.sanctions} sanctions.`);
    }
  } catch (error) {
    console.error(`Could not prepare the database at ${config.uri}: ${(error as Error).message}`);
    await shutdown(1);
  }

  const yoga = createYogaServer({ graph });
  const server = createHttpServer({ yoga, clientDir: join(projectRoot, "dist", "client") });
  server.on("error", (error) => {
    console.error(`Cannot listen on port ${port}: ${error.message}. Set PORT to another port.`);
    void shutdown(1);
  });
  server.listen(port, () => {
    console.log(`Sanctions graph on http://localhost:${port}/ (GraphQL and GraphiQL at /graphql, health at /health). Ctrl-C stops it.`);
  });
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
