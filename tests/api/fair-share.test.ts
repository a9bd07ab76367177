import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Graph } from "../../server/db/graph.ts";
import { type FairShareOptions, HEAVY_FIELDS } from "../../server/graphql/plugins/fair-share.ts";
import { schema } from "../../server/graphql/schema.ts";
import { createHttpServer } from "../../server/http.ts";
import { createYogaServer } from "../../server/yoga.ts";
import { TEST_AUTH, tokenFor } from "../support/auth.ts";
import { resetDatabase } from "../support/graph.ts";

/**
 * Holds every neighbourhood query at a gate until the test opens it, so that which request runs while another
 * waits is decided by the test, not by the machine's speed. Everything else goes straight to the real Neo4j.
 */
class GatedGraph extends Graph {
  readonly gate = { open: Promise.resolve(), entered: [] as string[], onEnter: () => {} };
  override read(...args: Parameters<Graph["read"]>) {
    if (args[0] !== "read/neighbourhood") return super.read(...args);
    this.gate.entered.push(String(args[1]?.id));
    this.gate.onEnter();
    return this.gate.open.then(() => super.read(...args)) as ReturnType<Graph["read"]>;
  }
}

const graph = new GatedGraph({ uri: inject("neo4jUri"), user: "neo4j", password: "unused", database: "neo4j" });
const servers: Server[] = [];
beforeAll(() => resetDatabase(graph));
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await graph.close();
});

async function listen(fairShare: Partial<FairShareOptions>) {
  const options = { perMinute: 0, burst: 0, heavyPerClient: 0, heavyWaiting: 0, trustProxy: true, ...fairShare };
  const yoga = createYogaServer({ graph, logError: () => {}, logLine: () => {}, auth: TEST_AUTH, fairShare: options });
  const server = createHttpServer({ yoga });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  /** `client`: the address the (trusted) proxy names; `token`: a signed-in caller. */
  return (query: string, { client = "203.0.113.1", token }: { client?: string; token?: string } = {}) =>
    fetch(base, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": `${client}, 10.0.0.1`,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
}

const LIGHT = "{ metadata { entityCount } }";
const heavy = (id: string) => `{ neighbourhood(id: "${id}", depth: 1) { nodes { id } } }`;
const codeOf = async (response: Response) =>
  ((await response.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code;

describe("rate limiting per anonymous client", () => {
  it("answers the burst, then 429 RATE_LIMITED with Retry-After; other clients and signed-in callers go on", async () => {
    const post = await listen({ perMinute: 6, burst: 3 });
    for (let i = 0; i < 3; i++) expect((await post(LIGHT)).status).toBe(200);
    const refused = await post(LIGHT);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string; retryAfterMs: number } }[] };
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0].extensions.retryAfterMs).toBeGreaterThan(0);
    expect(body.errors[0].message).toContain("6 a minute");
    expect((await post(LIGHT, { client: "203.0.113.2" })).status).toBe(200);
    const token = await tokenFor("viewer", "vera");
    for (let i = 0; i < 5; i++) expect((await post(LIGHT, { token })).status).toBe(200);
  });
});

describe("heavy queries per client", () => {
  it("runs one client's heavy queries one at a time, queues the next, refuses beyond the queue; others are not held", async () => {
    const post = await listen({ heavyPerClient: 1, heavyWaiting: 1 });
    let release!: () => void;
    graph.gate.open = new Promise((resolve) => (release = resolve));
    const entered = (n: number) =>
      new Promise<void>((resolve) => {
        graph.gate.onEnter = () => graph.gate.entered.length >= n && resolve();
        if (graph.gate.entered.length >= n) resolve();
      });
    graph.gate.entered = [];

    const first = post(heavy("ofac-52262"));
    await entered(1);
    const queued = post(heavy("ofac-52264"));
    const refused = await post(heavy("ofac-52289"));
    expect(refused.status).toBe(429);
    expect(await codeOf(refused)).toBe("RATE_LIMITED");
    // A light query and another client's heavy one are not held behind this client's.
    expect(await codeOf(await post(LIGHT))).toBeUndefined();
    const other = post(heavy("ofac-52289"), { client: "198.51.100.7" });
    await entered(2);
    expect(graph.gate.entered).toEqual(["ofac-52262", "ofac-52289"]);

    release();
    for (const response of await Promise.all([first, queued, other])) expect(await codeOf(response)).toBeUndefined();
    expect(graph.gate.entered).toEqual(["ofac-52262", "ofac-52289", "ofac-52264"]);
  });

  it("names only Query fields as heavy", () => {
    const query = schema.getQueryType()?.getFields() ?? {};
    for (const name of HEAVY_FIELDS) expect(Object.keys(query), name).toContain(name);
  });
});
