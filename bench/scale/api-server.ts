/**
 * The API server as a process of its own for the scale benchmark (so its resident memory is its own): the
 * same createYogaServer + createHttpServer as `npm start`, on 127.0.0.1 and a free port, printed as JSON.
 * With `--peer`: the peer API (bench/peer, @neo4j/graphql) instead, set up the same way.
 */
import type { AddressInfo } from "node:net";
import { readConfig } from "../../server/config.ts";
import { Graph } from "../../server/db/graph.ts";
import { createHttpServer } from "../../server/http.ts";
import { createYogaServer } from "../../server/yoga.ts";
import { createPeerServer } from "../peer/server.ts";

const config = readConfig().neo4j;
if (!config) throw new Error("NEO4J_URI is not set");
const graph = new Graph(config);
const server = process.argv.includes("--peer")
  ? await createPeerServer(graph.driver, graph.database)
  : createHttpServer({ yoga: createYogaServer({ graph, logError: (e) => console.error(e) }) });
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, pid: process.pid })}\n`);
});
const shutdown = () => {
  server.close();
  graph.close().finally(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
