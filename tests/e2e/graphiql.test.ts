/**
 * GraphiQL at /graphql in Debian's headless Chromium with every request off this server refused: it must render from
 * our own bundle (it used to stay on "Loading..." without internet, loading its code from a CDN) and run a query.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { BROWSER_WAIT_CEILING_MS, launchChromium, openPage } from "./support/browser.ts";
import { startServer } from "./support/server.ts";

let graph: Graph;
let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let page: Page;
const offServer: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  graph = testGraph();
  await resetDatabase(graph);
  server = await startServer(graph);
  browser = await launchChromium();
  page = await openPage(browser);
  // No network: anything not from this server is refused and recorded.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.baseUrl) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    offServer.push(url);
    return route.abort();
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await graph?.close();
});

describe("GraphiQL offline", () => {
  it("renders from the server's own bundle and runs the example query", async () => {
    await page.goto(`${server.baseUrl}/graphql`);
    // The page is one 9 MB script: on a busy machine it takes a while to start (openPage's waits have a ceiling only).
    await page.locator(".graphiql-container").first().waitFor();
    await expect.poll(() => page.title()).toBe("Sanctions graph");

    // The editor holds the example query once GraphiQL has started; then run it.
    await page.waitForFunction(() => document.querySelector(".graphiql-query-editor")?.textContent?.includes("shortestPaths"));
    await page.locator(".graphiql-execute-button").click();
    // The result pane shows the example's answer, a path from Liaoning China Trade (the editor draws only the lines in view).
    await expect
      .poll(async () => (await page.locator(".graphiql-response").first().textContent()) ?? "", { timeout: BROWSER_WAIT_CEILING_MS })
      .toMatch(/LIAONING\sCHINA\sTRADE/);
    const response = (await page.locator(".graphiql-response").first().textContent()) ?? "";
    expect(response).toMatch(/"shortestPaths"/);
    expect(response).not.toContain('"errors"');
    expect(offServer).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
  }, 240_000);
});
