import type { Server } from "node:http";
import { join } from "node:path";
import { authConfig } from "./auth/config.ts";
import { readConfig } from "./config.ts";
import { Graph } from "./db/graph.ts";
import { entityCount } from "./db/queries/metadata.ts";
import { applySchema } from "./db/schema.ts";
import { createHttpServer } from "./http.ts";
import { type LocalNeo4j, startNeo4j } from "./neo4j/launcher.ts";
import { projectRoot } from "./paths.ts";
import { loadSeed } from "./seed.ts";
import { webhookOptions } from "./watches/webhook.ts";
import { createYogaServer } from "./yoga.ts";

/**
 * `npm start`: uses the Neo4j named by NEO4J_URI, or else starts the local one (Maven jars, data in .data/neo4j,
 * Bolt on 127.0.0.1:NEO4J_PORT or 7687); applies the schema; loads the seed into an empty database; serves the API.
 * SIGINT/SIGTERM at any point (even while Neo4j is starting) close the server and then stop the Neo4j it started.
 */
// Loopback unless told otherwise (HOST): the local setup runs Neo4j without authentication behind this API.
const settings = readConfig();
const { port, host, corsOrigins, deadlineMs, fairShare } = settings;
// Sign-in and webhooks (docs/auth.md); a bad setting stops the start before Neo4j does.
const auth = authConfig(settings.auth);
const webhooks = webhookOptions(settings);
let local: LocalNeo4j | undefined;
let starting: Promise<LocalNeo4j> | undefined;
let graph: Graph | undefined;
let server: Server | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("Stopping...");
    server?.closeAllConnections();
    server?.close();
    await graph?.close().catch(() => {});
    // A signal during Neo4j's start: wait for the launcher to hand over the process, then stop it.
    const started = local ?? (await starting?.catch(() => undefined));
    if (started) {
      await started.stop();
      console.log("Neo4j stopped.");
    }
    process.exit(code);
  }
  return new Promise<never>(() => {});
}
// Registered before anything starts, so that no signal can leave a Neo4j behind.
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main(): Promise<void> {
  let config = settings.neo4j;
  if (!config) {
    starting = startNeo4j(settings.local);
    local = await starting;
    config = { uri: local.uri, user: "neo4j", password: "", database: "neo4j" };
  }
  graph = new Graph(config);

  try {
    await applySchema(graph);
    const [{ entities }] = await entityCount(graph, {});
    if (entities === 0) {
      const counts = await loadSeed(graph);
      console.log(`Loaded the seed: ${counts.entities} entities, ${counts.relationships} relationships, ${counts.sanctions} sanctions.`);
    }
  } catch (error) {
    console.error(`Could not prepare the database at ${config.uri}: ${(error as Error).message}`);
    await shutdown(1);
  }

  const yoga = createYogaServer({ graph, corsOrigins, deadlineMs, auth, fairShare, watches: { webhooks } });
  server = createHttpServer({ yoga, clientDir: join(projectRoot, "dist", "client") });
  server.on("error", (error) => {
    console.error(`Cannot listen on port ${port} (${host}): ${error.message}. Set PORT to another port.`);
    void shutdown(1);
  });
  server.listen(port, host, () => {
    const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
    console.log(`Sanctions graph on http://${shown}:${port}/ (GraphQL and GraphiQL at /graphql, health at /health). Ctrl-C stops it.`);
  });
}

main().catch(async (error) => {
  console.error((error as Error).message);
  await shutdown(1);
});
