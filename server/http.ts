import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import sirv from "sirv";
import type { createYogaServer } from "./yoga.ts";

export interface HttpOptions {
  yoga: ReturnType<typeof createYogaServer>;
  /** The built client (dist/client); served at `/` when it exists. */
  clientDir?: string;
}

/** One HTTP server: GraphQL and GraphiQL at /graphql, GET /health, and the analyst client at /. */
export function createHttpServer({ yoga, clientDir }: HttpOptions): Server {
  const client = clientDir && existsSync(clientDir) ? sirv(clientDir, { single: true, etag: true, gzip: false }) : undefined;
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path.startsWith("/graphql") || path === "/health" || !client) {
      yoga(req, res);
      return;
    }
    client(req, res, () => {
      res.statusCode = 404;
      res.end("Not found");
    });
  });
}
