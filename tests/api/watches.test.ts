/**
 * Watches over a real HTTP server: an import of a newer snapshot raises an alert on the watch whose radius holds
 * the new designation (delivered live over the SSE subscription and to its webhook, retried after a failure) and
 * none on the watch whose radius does not; a curation write raises a relationship alert; a delisting is noticed.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../server/http.ts";
import { importFiles } from "../../server/import/index.ts";
import { evaluateWatches } from "../../server/watches/evaluate.ts";
import type { WebhookOptions } from "../../server/watches/webhook.ts";
import { createYogaServer } from "../../server/yoga.ts";
import { tempFile } from "../import/helpers.ts";
import { subscribeAlerts } from "../support/alert-feed.ts";
import { errorCode, type GraphQLResponse } from "../support/api.ts";
import { PRESS_SOURCE, TEST_AUTH, tokenFor, WRITE_DEADLINE_MS } from "../support/auth.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

const JONG = "ofac-52289";
const DELEGATION = "seed-chonsurim-it-delegation-laos"; // Jong leads it; not sanctioned in the seed
const MINISTRY = "seed-ministry-of-the-peoples-armed-forces";
const DEPARTMENT_53 = "ofac-52262";

const graph = testGraph();
const hookRequests: { body: string }[] = [];
let hook: Server;
let api: Server;
let base = "";
let webhooks: WebhookOptions;
let watcher = "";
let editor = "";

async function listen(server: Server): Promise<string> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function gql<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
  token = watcher,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Opens the alert subscription over SSE (as the watcher) and collects what it delivers. */
const subscribe = (since: string) => subscribeAlerts(base, watcher, since);

beforeAll(async () => {
  await resetDatabase(graph);
  hook = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hookRequests.push({ body });
      res.statusCode = hookRequests.length === 1 ? 500 : 200; // the first delivery fails: it must be retried
      res.end();
    });
  });
  const hookBase = await listen(hook);
  webhooks = { allowlist: [`${hookBase}/hooks/`], attempts: 3, backoffMs: 20, timeoutMs: 5_000 };
  const yoga = createYogaServer({
    graph,
    auth: TEST_AUTH,
    deadlineMs: WRITE_DEADLINE_MS,
    watches: { webhooks, pollMs: 200 },
    logError: () => {},
  });
  api = createHttpServer({ yoga });
  base = await listen(api);
  [watcher, editor] = await Promise.all([tokenFor("viewer", "wanda"), tokenFor("editor", "eddie")]);
});

afterAll(async () => {
  api?.closeAllConnections();
  api?.close();
  hook?.close();
  await graph.close();
});

const CREATE_WATCH = `mutation($input: WatchInput!) { createWatch(input: $input) { id radius entity { id } webhookUrl } }`;

describe("watches and alerts", () => {
  let near = "";
  let far = "";

  it("refuse a webhook outside the allow-list", async () => {
    const res = await gql(CREATE_WATCH, { input: { entity: JONG, radius: 1, webhookUrl: "http://169.254.169.254/latest" } });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0].message).toMatch(/allowed prefix/);
  });

  it("are made by a signed-in user, on an entity with a radius", async () => {
    const a = await gql(CREATE_WATCH, { input: { entity: JONG, radius: 1, name: "Jong", webhookUrl: `${webhooks.allowlist[0]}jong` } });
    const b = await gql(CREATE_WATCH, { input: { entity: MINISTRY, radius: 1, name: "Ministry" } });
    expect(a.errors).toBeUndefined();
    near = a.data!.createWatch.id;
    far = b.data!.createWatch.id;
    expect(a.data!.createWatch).toMatchObject({ radius: 1, entity: { id: JONG } });
    const anonymous = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { createWatch(input: { entity: "${JONG}" }) { id } }` }),
    });
    expect(errorCode((await anonymous.json()) as GraphQLResponse)).toBe("UNAUTHENTICATED");
  });

  it("a newer snapshot's designation within the radius raises an alert, live, with its path; none outside it", async () => {
    const subscription = await subscribe(new Date().toISOString());
    const snapshot = tempFile(
      "newer.ftm.json",
      `${JSON.stringify({
        id: "test-sanction-delegation",
        schema: "Sanction",
        properties: { entity: [DELEGATION], authority: ["Test Authority"], program: ["TEST-1"], startDate: ["2026-01-01"] },
      })}\n`,
    );
    await importFiles(graph, "ftm", [snapshot]);
    // What `npm run import` does after every import (here in another "process": the API learns of it by polling).
    const { alerts, deliveries } = await evaluateWatches(graph, webhooks, () => {});
    expect(alerts.map((a) => [a.watchId, a.kind, a.entityId])).toEqual([[near, "DESIGNATION", DELEGATION]]);
    const [live] = await subscription.next(1);
    subscription.close();
    expect(live).toMatchObject({ kind: "DESIGNATION", watchId: near, entity: { id: DELEGATION } });
    expect(live.summary).toMatch(/TEST-1/);
    expect(live.path).toEqual(
      [
        { id: JONG, via: "LEADS" },
        { id: DELEGATION, via: null },
      ].map((step) => expect.objectContaining(step)),
    );
    const [delivery] = (await deliveries).filter(Boolean);
    expect(delivery).toMatchObject({ ok: true, attempts: 2 });
    expect(hookRequests).toHaveLength(2);
    expect(JSON.parse(hookRequests[1].body)).toMatchObject({
      watch: { id: near },
      alerts: [{ kind: "DESIGNATION", entityId: DELEGATION }],
    });
    const list = await gql(`{ alerts { unreadCount alerts { watchId kind } } watches { id unread } }`);
    expect(list.data!.alerts).toEqual({ unreadCount: 1, alerts: [{ watchId: near, kind: "DESIGNATION" }] });
    expect(Object.fromEntries(list.data!.watches.map((w: { id: string; unread: number }) => [w.id, w.unread]))).toEqual({
      [near]: 1,
      [far]: 0,
    });
  });

  it("a curation write near a watch raises a relationship alert; alerts can be marked read", async () => {
    const added = await gql(
      `mutation($input: AddRelationshipInput!) { addRelationship(input: $input) { relationship { id } } }`,
      { input: { clientId: "watch-link-1", type: "SUPPLIES", source: "ofac-52264", target: MINISTRY, sources: [PRESS_SOURCE] } },
      editor,
    );
    expect(added.errors).toBeUndefined();
    // The API evaluates after the write without holding the response; the live feed tells when it is done.
    const subscription = await subscribe(new Date(Date.now() - 60_000).toISOString());
    const received = await subscription.next(2);
    subscription.close();
    const relationshipAlert = received.find((a) => a.kind === "RELATIONSHIP");
    expect(relationshipAlert).toMatchObject({ watchId: far });
    expect(relationshipAlert!.path[0].id).toBe(MINISTRY);
    expect((await gql(`mutation { markAlertsRead }`)).data!.markAlertsRead).toBe(2);
    expect((await gql(`{ alerts(unreadOnly: true) { unreadCount } }`)).data!.alerts.unreadCount).toBe(0);
  });

  it("a delisting within the radius raises an alert", async () => {
    const snapshot = tempFile(
      "delisted.ftm.json",
      `${JSON.stringify({
        id: "test-sanction-delegation",
        schema: "Sanction",
        properties: {
          entity: [DELEGATION],
          authority: ["Test Authority"],
          program: ["TEST-1"],
          startDate: ["2026-01-01"],
          endDate: ["2026-02-01"],
        },
      })}\n`,
    );
    await importFiles(graph, "ftm", [snapshot]);
    const { alerts } = await evaluateWatches(graph, { ...webhooks, allowlist: [] }, () => {});
    expect(alerts.map((a) => [a.watchId, a.kind, a.entityId])).toEqual([[near, "DELISTING", DELEGATION]]);
  });

  it("stopped watches raise nothing", async () => {
    expect((await gql(`mutation($id: ID!) { stopWatch(id: $id) }`, { id: near })).data!.stopWatch).toBe(true);
    await importFiles(graph, "ftm", [
      tempFile(
        "again.ftm.json",
        `${JSON.stringify({ id: "test-sanction-2", schema: "Sanction", properties: { entity: [DEPARTMENT_53], authority: ["X"] } })}\n`,
      ),
    ]);
    const { alerts } = await evaluateWatches(graph, webhooks, () => {});
    expect(alerts.filter((a) => a.watchId === near)).toEqual([]);
  });
});
