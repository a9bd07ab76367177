import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Graph } from "../../server/db/graph.ts";
import { search } from "../../server/db/queries/search.ts";
import { createHttpServer } from "../../server/http.ts";
import { freePort, type LocalNeo4j, startNeo4j } from "../../server/neo4j/launcher.ts";
import { createYogaServer } from "../../server/yoga.ts";
import { resetDatabase } from "../support/graph.ts";

/**
 * Fault drills (issue 15): a Neo4j of this file's own, frozen (SIGSTOP) and killed (SIGKILL) by its PID under a
 * query loop over real HTTP. No request may outlive its deadline, /health must answer within 1 s and tell the
 * truth, and the API must recover within 5 s of the database being back, without a restart.
 */
const DEADLINE_MS = 2_000;
/**
 * Slack for a busy machine on top of a deadline or the recovery bound (at load 25 on 2 cores one request takes about
 * a second); a hung request or a poisoned pool would exceed it by far (the database stays away for longer).
 */
const SLACK_MS = 1_500;
const RECOVERY_MS = 5_000;

const home = mkdtempSync(join(tmpdir(), "neo4j-drill-"));
let port: number;
let neo4j: LocalNeo4j;
let graph: Graph;
let server: Server;
let base: string;
const unexpected: unknown[] = [];
const lines: string[] = [];

const startDatabase = () => startNeo4j({ port, home, log: () => {} });

beforeAll(async () => {
  port = await freePort();
  neo4j = await startDatabase();
  graph = new Graph({ uri: neo4j.uri, user: "neo4j", password: "unused", database: "neo4j" });
  await resetDatabase(graph);
  const yoga = createYogaServer({ graph, logError: (e) => unexpected.push(e), logLine: (l) => lines.push(l), deadlineMs: DEADLINE_MS });
  server = createHttpServer({ yoga });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A fresh database plans its first queries slowly; the drills start from a warm one.
  expect(await timeToSuccess(120_000)).toBeLessThan(120_000);
});

afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await graph?.close();
  try {
    process.kill(neo4j.pid, "SIGCONT");
  } catch {}
  await neo4j?.stop();
  rmSync(home, { recursive: true, force: true });
});

interface Outcome {
  ms: number;
  status: number;
  code?: string;
  ok: boolean;
}

async function ask(query = `{ search(query: "chonsurim") { totalCount } }`): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  return { ms: performance.now() - started, status: response.status, code: body.errors?.[0]?.extensions?.code, ok: !body.errors };
}

async function health(): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(`${base}/health`);
  await response.text();
  return { ms: performance.now() - started, status: response.status, ok: response.status === 200 };
}

/** Requests from `workers` loops until `until` resolves; every outcome. */
async function loop(until: Promise<unknown>, workers = 4): Promise<Outcome[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (!done) outcomes.push(await ask());
    }),
  );
  return outcomes;
}

/** Polls until a search succeeds, then until health says ok: the time each took (ms), capped past `limitMs`. */
async function timeToSuccess(limitMs: number): Promise<number> {
  const cap = limitMs + DEADLINE_MS + SLACK_MS;
  const poll = async (ok: () => Promise<boolean>) => {
    const started = performance.now();
    while (performance.now() - started < cap) if (await ok()) return performance.now() - started;
    return Number.POSITIVE_INFINITY;
  };
  const answered = await poll(async () => (await ask()).ok);
  // Health has a 1 s budget of its own; a probe that missed it on a busy machine is simply asked again.
  const healthy = await poll(async () => (await health()).ok);
  return Math.max(answered, healthy);
}

function expectBounded(outcomes: Outcome[]) {
  expect(outcomes.length).toBeGreaterThan(0);
  for (const o of outcomes) {
    expect(o.status).toBeLessThan(500);
    expect(o.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    if (!o.ok) expect(["DATABASE_UNAVAILABLE", "QUERY_TIMEOUT"]).toContain(o.code);
  }
}

describe("fault drills against a real Neo4j", () => {
  it("a client that hangs up mid-request leaves one log line, no stack trace", async () => {
    lines.length = 0;
    unexpected.length = 0;
    process.kill(neo4j.pid, "SIGSTOP"); // holds the request in flight
    try {
      const client = new AbortController();
      const request = fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ search(query: "chonsurim") { totalCount } }` }),
        signal: client.signal,
      }).catch((e: Error) => e.name);
      await new Promise((r) => setTimeout(r, 300));
      client.abort();
      expect(await request).toBe("AbortError");
      await expect.poll(() => lines.length, { timeout: DEADLINE_MS + SLACK_MS }).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, DEADLINE_MS)); // anything logged late would show now
    } finally {
      process.kill(neo4j.pid, "SIGCONT");
    }
    expect(unexpected).toEqual([]);
    expect(lines).toEqual([expect.stringMatching(/^ClientClosedError: The client closed the request/)]);
    expect(await timeToSuccess(RECOVERY_MS)).toBeLessThan(RECOVERY_MS + SLACK_MS);
  });

  it("a frozen database (SIGSTOP): requests end by their deadline, health says unavailable within 1 s, recovery within 5 s", async () => {
    expect((await ask()).ok).toBe(true);
    process.kill(neo4j.pid, "SIGSTOP");
    let frozenHealth: Outcome[] = [];
    try {
      // Long enough that every worker meets the frozen database more than once.
      const frozen = new Promise((resolve) => setTimeout(resolve, 2 * DEADLINE_MS + 1_000));
      const checks = (async () => {
        await new Promise((r) => setTimeout(r, DEADLINE_MS));
        frozenHealth = [await health(), await health()];
      })();
      const outcomes = await loop(frozen);
      await checks;
      expectBounded(outcomes);
      expect(outcomes.filter((o) => !o.ok).length).toBeGreaterThan(0);
      for (const h of frozenHealth) {
        expect(h.status).toBe(503);
        expect(h.ms).toBeLessThan(1_000);
      }
    } finally {
      process.kill(neo4j.pid, "SIGCONT");
    }
    expect(await timeToSuccess(RECOVERY_MS)).toBeLessThan(RECOVERY_MS + SLACK_MS);
  });

  it("a killed database (SIGKILL, then restarted): unavailable meanwhile, recovery within 5 s of it being ready", async () => {
    expect((await ask()).ok).toBe(true);
    process.kill(neo4j.pid, "SIGKILL");
    const down = await loop(new Promise((resolve) => setTimeout(resolve, 1_500)), 2);
    expectBounded(down);
    expect(down.every((o) => o.code === "DATABASE_UNAVAILABLE")).toBe(true);
    const h = await health();
    expect(h.status).toBe(503);
    expect(h.ms).toBeLessThan(1_000);

    const killed = neo4j;
    neo4j = await startDatabase();
    // The old launcher's stop leaves the new server's PID file alone (it used to remove it: "Not running" while it ran).
    await killed.stop();
    expect(readFileSync(join(home, "run", "launcher.pid"), "utf8")).toBe(String(neo4j.pid));
    // Ready = a new connection gets an answer to the same search (after a kill, Neo4j recovers its full-text index
    // after Bolt opens, which is not ours to speed up); from then on the API has 5 s.
    const direct = new Graph({ uri: neo4j.uri, user: "neo4j", password: "unused", database: "neo4j" });
    try {
      await direct.driver.executeQuery("CALL db.awaitIndexes(120)");
      await search(direct, { lucene: "chonsurim", scan: 10, schemata: null, countries: null, sanctioned: null, at: null });
    } finally {
      await direct.close();
    }
    expect(await timeToSuccess(RECOVERY_MS)).toBeLessThan(RECOVERY_MS + SLACK_MS);
    // And stays healthy under the loop.
    expectBounded(await loop(new Promise((resolve) => setTimeout(resolve, 1_000)), 4));
  }, 300_000); // restarts Neo4j: minutes on a busy machine
});
