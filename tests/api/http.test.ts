import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer, SECURITY_HEADERS } from "../../server/http.ts";
import { createYogaServer, MAX_BODY_BYTES } from "../../server/yoga.ts";
import { seededApi } from "../support/api.ts";

// The HTTP layer over a real socket: security headers everywhere, CORS only for configured origins, body limit.
const { graph } = seededApi();
const ALLOWED = "https://analyst.example";
const clientDir = mkdtempSync(join(tmpdir(), "client-"));
writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>client</title>");

async function listen(corsOrigins?: string[]) {
  const server = createHttpServer({ yoga: createYogaServer({ graph, logError: () => {}, logLine: () => {}, corsOrigins }), clientDir });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let plain: { server: Server; base: string };
let withCors: { server: Server; base: string };
beforeAll(async () => {
  plain = await listen();
  withCors = await listen([ALLOWED]);
});
afterAll(() => {
  for (const s of [plain, withCors]) {
    s?.server.closeAllConnections();
    s?.server.close();
  }
  rmSync(clientDir, { recursive: true, force: true });
});

const QUERY = JSON.stringify({ query: "{ metadata { entityCount } }" });
const post = (base: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: QUERY });

describe("security headers", () => {
  it.each([
    ["a GraphQL answer", () => post(plain.base)],
    ["GraphiQL", () => fetch(`${plain.base}/graphql`, { headers: { accept: "text/html" } })],
    ["the health check", () => fetch(`${plain.base}/health`)],
    ["the client", () => fetch(`${plain.base}/`)],
    ["a refused request", () => fetch(`${plain.base}/graphql`, { method: "POST", headers: { "content-type": "text/plain" }, body: "x" })],
  ])("are on %s", async (_, send) => {
    const response = await send();
    await response.arrayBuffer();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
  });
});

describe("CORS", () => {
  it("answers no other origin by default (same origin only), and never allows credentials", async () => {
    const response = await post(plain.base, { origin: "https://evil.example" });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    const preflight = await fetch(`${plain.base}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows a configured origin, without credentials, and no other", async () => {
    const preflight = await fetch(`${withCors.base}/graphql`, {
      method: "OPTIONS",
      headers: { origin: ALLOWED, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    expect((await post(withCors.base, { origin: ALLOWED })).headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect((await post(withCors.base, { origin: "https://evil.example" })).headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("request body limit over a socket", () => {
  it("refuses a chunked body (no Content-Length) over the limit with a coded 413", async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${plain.base}/graphql`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
        let text = "";
        res.on("data", (c) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      const chunk = "a".repeat(64 * 1024);
      req.write(`{"query": "{ search(query: \\"`);
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += chunk.length) req.write(chunk);
      req.end(`\\") { totalCount } }"}`);
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).errors[0].extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
  });
});
