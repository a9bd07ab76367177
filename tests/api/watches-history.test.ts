/**
 * Watches and list-history replay, over a real HTTP server and a real Neo4j: `npm run import -- history` (the CLI, in
 * its own process) applies the real OFAC snapshots of 2024-05-02 and 2024-05-03 (tests/fixtures/ofac-history), and
 * the watches whose radius holds what changed get alerts, delivered live over the SSE subscription: YOUSSEF, newly
 * designated and linked to MOUKALLED; EMPEROR AVIATION, delisted, linked from KERIMOVA. A watch far from both gets none.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { replay } from "../../server/history/replay.ts";
import { createHttpServer } from "../../server/http.ts";
import { projectRoot } from "../../server/paths.ts";
import { createYogaServer } from "../../server/yoga.ts";
import { fixture } from "../import/helpers.ts";
import { subscribeAlerts } from "../support/alert-feed.ts";
import { TEST_AUTH, tokenFor, WRITE_DEADLINE_MS } from "../support/auth.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

const MOUKALLED = "ofac-40536"; // listed 2023-02-28
const YOUSSEF = "ofac-48321"; // designated 2024-05-02, "Linked To: MOUKALLED, Hassan Ahmed"
const KERIMOVA = "ofac-38279";
const EMPEROR_AVIATION = "ofac-38556"; // "Linked To: KERIMOVA", delisted 2024-05-03
const AURUM = "ofac-34958"; // nothing changes near it in May 2024

const snapshot = (date: string) => join(fixture("ofac-history"), `sdn_${date}.csv`);
const graph = testGraph();
let api: Server;
let base = "";
let token = "";

/** `npm run import -- history <files>` in its own process, against the tests' Neo4j; resolves with its exit and stderr. */
async function historyCli(...files: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "server", "import", "cli.ts"), "history", ...files], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: inject("neo4jUri"), NEO4J_PASSWORD: "unused" },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const [code] = await once(child, "exit");
  return { code, stderr };
}

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

beforeAll(async () => {
  await resetDatabase(graph, { seed: false });
  // The history up to 2024-05-01, in-process (the part under test is what comes after).
  const files = ["2021-08-24", "2022-11-30", "2023-02-28", "2024-02-28", "2024-05-01"].map(snapshot);
  await replay(graph, files);
  const yoga = createYogaServer({ graph, auth: TEST_AUTH, deadlineMs: WRITE_DEADLINE_MS, watches: { pollMs: 200 }, logError: () => {} });
  api = createHttpServer({ yoga });
  api.listen(0, "127.0.0.1");
  await once(api, "listening");
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  token = await tokenFor("viewer", "wanda");
});

afterAll(async () => {
  api?.closeAllConnections();
  api?.close();
  await graph.close();
});

describe("watches and list-history replay", () => {
  it("raise an alert for a designation and a delisting within their radius, live, and none outside it", async () => {
    const watch = async (entity: string) => {
      const res = await gql(`mutation($input: WatchInput!) { createWatch(input: $input) { id } }`, { input: { entity, radius: 1 } });
      expect(res.errors).toBeUndefined();
      return res.data?.createWatch.id as string;
    };
    const [nearDesignation, nearDelisting, far] = [await watch(MOUKALLED), await watch(KERIMOVA), await watch(AURUM)];
    const feed = await subscribeAlerts(base, token, new Date().toISOString());

    const run = await historyCli(snapshot("2024-05-02"), snapshot("2024-05-03"));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Watches: 2 alert\(s\) raised\./);

    const live = await feed.next(2);
    feed.close();
    const byWatch = Object.fromEntries(live.map((a) => [a.watchId, a]));
    // The new designee comes into view through its new link.
    expect(byWatch[nearDesignation]).toMatchObject({ kind: "RELATIONSHIP", entity: { id: YOUSSEF } });
    expect(byWatch[nearDesignation].path.map((p: { id: string }) => p.id)).toEqual([MOUKALLED, YOUSSEF]);
    expect(byWatch[nearDelisting]).toMatchObject({ kind: "DELISTING", entity: { id: EMPEROR_AVIATION } });
    expect(byWatch[far]).toBeUndefined();
    const watches = await gql(`{ watches { id unread } }`);
    expect(Object.fromEntries(watches.data?.watches.map((w: { id: string; unread: number }) => [w.id, w.unread]))).toEqual({
      [nearDesignation]: 1,
      [nearDelisting]: 1,
      [far]: 0,
    });
  });
});
