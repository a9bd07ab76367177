/** The real API server in-process, serving the built client from dist/client, on a free port. */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Graph } from "../../../server/db/graph.ts";
import { createHttpServer } from "../../../server/http.ts";
import { projectRoot } from "../../../server/paths.ts";
import { createYogaServer, type YogaOptions } from "../../../server/yoga.ts";

export const CLIENT_DIR = join(projectRoot, "dist", "client");

export function assertClientBuilt(): void {
  if (!existsSync(join(CLIENT_DIR, "index.html"))) {
    throw new Error(`The client is not built (${CLIENT_DIR}/index.html is missing). Run \`npm run build:client\` first (npm test does).`);
  }
}

export async function startServer(
  graph: Graph,
  options: Omit<YogaOptions, "graph" | "logError"> = {},
): Promise<{ server: Server; baseUrl: string; close(): Promise<void> }> {
  const yoga = createYogaServer({ graph, logError: () => {}, ...options });
  const server = createHttpServer({ yoga, clientDir: CLIENT_DIR });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
