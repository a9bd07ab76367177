/**
 * GraphiQL at /graphql in Debian's headless Chromium with every request off this server refused: it must render from
 * our own bundle (it used to stay on "Loading..." without internet, loading its code from a CDN) and run a query.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BROWSER_WAIT_CEILING_MS } from "./support/browser.ts";
import { browserTest } from "./support/session.ts";

const offServer: string[] = [];
const problems: string[] = [];

const e2e = browserTest({ client: false });

beforeAll(async () => {
  // No network: anything not from this server is refused and recorded.
  await e2e.page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(e2e.server.baseUrl) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    offServer.push(url);
    return route.abort();
  });
  e2e.page.on("pageerror", (e) => problems.push(e.message));
  e2e.page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
});

describe("GraphiQL offline", () => {
  it("renders from the server's own bundle and runs the example query", async () => {
    await e2e.page.goto(`${e2e.server.baseUrl}/graphql`);
    // The page is one 9 MB script: on a busy machine it takes a while to start (openPage's waits have a ceiling only).
    await e2e.page.locator(".graphiql-container").first().waitFor();
    await expect.poll(() => e2e.page.title()).toBe("Sanctions graph");

    // The editor holds the example query once GraphiQL has started; then run it.
    await e2e.page.waitForFunction(() => document.querySelector(".graphiql-query-editor")?.textContent?.includes("shortestPaths"));
    await e2e.page.locator(".graphiql-execute-button").click();
    // The result pane shows the example's answer, a path from Liaoning China Trade (the editor draws only the lines in view).
    await expect
      .poll(async () => (await e2e.page.locator(".graphiql-response").first().textContent()) ?? "", { timeout: BROWSER_WAIT_CEILING_MS })
      .toMatch(/LIAONING\sCHINA\sTRADE/);
    const response = (await e2e.page.locator(".graphiql-response").first().textContent()) ?? "";
    expect(response).toMatch(/"shortestPaths"/);
    expect(response).not.toContain('"errors"');
    expect(offServer).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
  }, 240_000);
});
