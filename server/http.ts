import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import sirv from "sirv";
import type { createYogaServer } from "./yoga.ts";

export interface HttpOptions {
  yoga: ReturnType<typeof createYogaServer>;
  /** The built client (dist/client); served at `/` when it exists. */
  clientDir?: string;
}

/**
 * Headers on every response. The pages (client and GraphiQL) load nothing from elsewhere and talk only to this
 * server; GraphiQL's page is one inline script that starts its editor workers from blobs, hence 'unsafe-inline'
 * and blob: workers; inline styles are set by Cytoscape and GraphiQL.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; "),
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** One HTTP server: GraphQL and GraphiQL at /graphql, GET /health, and the analyst client at /. */
export function createHttpServer({ yoga, clientDir }: HttpOptions): Server {
  const client = clientDir && existsSync(clientDir) ? sirv(clientDir, { single: true, etag: true, gzip: false }) : undefined;
  return createServer((req, res) => {
    // Set before either handler writes its head; Node merges them with the handler's own headers.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
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
