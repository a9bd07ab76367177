/**
 * The analyst client end to end: the built client (dist/client) served by the real API server on the real Neo4j
 * with the seed, driven in Debian's headless Chromium. Screenshots go to scratch/e2e/ for a human to look at.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { pngLuminanceStdDev } from "./support/browser.ts";
import {
  type AppHandle,
  browserTest,
  waitForEntity as drawnOn,
  canvasIds as idsOn,
  pagePosition,
  settle as settled,
} from "./support/session.ts";

const DEPARTMENT_53 = "ofac-52262";
const CHONSURIM = "ofac-52283";
const LIAONING = "ofac-52264";
const JONG = "ofac-52289";

const e2e = browserTest();
let page: Page;

beforeAll(() => {
  page = e2e.page;
});

const shot = (name: string) => e2e.shot(name, page);
const canvasIds = (p: Page = page) => idsOn(p);
const waitForEntity = (id: string, p: Page = page) => drawnOn(p, id);
const settle = (p: Page = page) => settled(p);

async function canvasRelationshipIds(p: Page = page): Promise<string[]> {
  return p.evaluate(() => [...(window as unknown as { app: AppHandle }).app.model.relationships.keys()].sort());
}

async function pick(inputSelector: string, text: string, optionText: RegExp): Promise<void> {
  const input = page.locator(inputSelector);
  await input.fill(text);
  const listbox = page.locator(`#${await input.getAttribute("aria-controls")}`);
  const option = listbox.locator("[role=option]", { hasText: optionText }).first();
  await option.waitFor();
  await option.click();
}

describe("analyst client", () => {
  it("opens on the Department 53 network", async () => {
    await page.goto(`${e2e.server.baseUrl}/`);
    await waitForEntity(DEPARTMENT_53);
    await settle();
    const ids = await canvasIds();
    expect(ids).toContain(DEPARTMENT_53);
    expect(ids).toContain(CHONSURIM);
    expect(ids.length).toBeGreaterThan(5);
    expect(await page.locator(".legend").textContent()).toContain("Sanctioned");
    await shot("01-start");
  });

  it("search finds Chonsurim from 'chonsurim' and puts it on the canvas, selected", async () => {
    await page.getByRole("button", { name: "Clear the canvas" }).click();
    await page.getByText("Nothing on the canvas").waitFor();
    const input = page.locator("#search");
    await input.fill("Song Kyong Sik");
    const son = page.locator(".app-header [role=option]", { hasText: "SON, Kyong Sik" }).first();
    await son.waitFor();
    expect(await son.locator(".option-meta").textContent()).toContain("aka Song Kyong Sik");
    await input.fill("chonsurim");
    const option = page.locator(".app-header [role=option]", { hasText: "CHONSURIM TRADING CORPORATION" }).first();
    await option.waitFor();
    expect(await option.locator(".badge.sanctioned").count()).toBe(1);
    expect(await option.locator("svg.schema-icon").count()).toBe(1);
    await shot("02-search");
    await option.click();
    await waitForEntity(CHONSURIM);
    await page.waitForFunction(
      (id) =>
        (window as unknown as { app: AppHandle }).app.view.cy
          .$(":selected")
          .map((e) => e.id())
          .join() === id,
      CHONSURIM,
    );
    await settle();
    expect(await canvasIds()).toEqual([CHONSURIM]);
    await page.locator("#details-title", { hasText: "CHONSURIM TRADING CORPORATION" }).waitFor();
  });

  it("expands Chonsurim by double-click, with counts per type before loading", async () => {
    const at = await pagePosition(page, CHONSURIM);
    await page.mouse.dblclick(at.x, at.y);
    const menu = page.getByRole("menu");
    const all = menu.locator("[data-testid=expand-all]");
    await all.waitFor();
    expect(await all.textContent()).toMatch(/All relationships\s*[1-9]\d*/);
    expect(await menu.textContent()).toContain("is a front company of");
    await shot("03-expand-menu");
    await all.click();
    await page.waitForFunction(() => (window as unknown as { app: AppHandle }).app.model.entities.size >= 4);
    await settle();
    const ids = await canvasIds();
    expect(ids).toEqual(expect.arrayContaining([CHONSURIM, DEPARTMENT_53, JONG, "seed-chonsurim-it-delegation-laos"]));
    await shot("04-expanded");
  });

  it("finds the path from Liaoning China Trade Industry to Jong In Chol, with a source on every hop", async () => {
    await page.getByRole("tab", { name: "Path finder" }).click();
    await pick("#path-from", "liaoning", /LIAONING CHINA TRADE/);
    await pick("#path-to", "jong in chol", /JONG, In Chol/);
    await page.getByRole("button", { name: "Find paths" }).click();
    const firstPath = page.locator("[data-testid=path]").first();
    await firstPath.waitFor();
    await settle();
    const hops = firstPath.locator("[data-testid=path-hop]");
    const n = await hops.count();
    expect(n).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < n; i++) expect(await hops.nth(i).locator("[data-testid=hop-source]").count()).toBeGreaterThan(0);
    const text = (await firstPath.textContent()) ?? "";
    expect(text.indexOf("LIAONING CHINA TRADE INDUSTRY")).toBeLessThan(text.indexOf("JONG, In Chol"));
    expect(await canvasIds()).toEqual(expect.arrayContaining([LIAONING, JONG]));
    const highlighted = await page.evaluate(() => (window as unknown as { app: AppHandle }).app.view.cy.$("node.path").map((e) => e.id()));
    expect(highlighted).toEqual(expect.arrayContaining([LIAONING, JONG]));
    expect(page.url()).toContain(`from=${LIAONING}`);
    await shot("05-path");
  });

  it("opens the sources of an edge", async () => {
    const hop = page.locator("[data-testid=path]").first().locator("[data-testid=path-hop]").first();
    const relationshipId = await hop.getAttribute("data-relationship-id");
    await hop.locator(".rel-link").click();
    const sources = page.locator(`[data-relationship-id="${relationshipId}"] [data-testid=edge-sources] li`);
    await sources.first().waitFor();
    expect(await sources.count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid=edge-sources] a").count()).toBeGreaterThan(0);
    const selected = await page.evaluate(() => (window as unknown as { app: AppHandle }).app.view.cy.$("edge:selected").map((e) => e.id()));
    expect(selected).toEqual([relationshipId]);
    await shot("06-edge-sources");
  });

  it("reopens the same view from the shared URL, and the screenshot is not blank", async () => {
    const url = page.url();
    const before = await canvasIds();
    const pathsBefore = await page.locator("[data-testid=path]").count();
    const relationshipsBefore = await canvasRelationshipIds();
    const second = await e2e.newPage();
    const queries: string[] = [];
    second.on("request", (r) => {
      if (r.url().endsWith("/graphql")) queries.push(r.postData() ?? "");
    });
    await second.goto(url);
    await waitForEntity(JONG, second);
    await second.locator("[data-testid=path]").first().waitFor();
    await settle(second);
    expect(await canvasIds(second)).toEqual(before);
    // One subgraph(ids) call brings the relationships among them: at least those the first page had.
    expect(queries.filter((q) => q.includes("subgraph(ids: $ids"))).toHaveLength(1);
    expect(await canvasRelationshipIds(second)).toEqual(expect.arrayContaining(relationshipsBefore));
    expect(await second.locator("[data-testid=path]").count()).toBe(pathsBefore);
    const png = await e2e.shot("07-reopened", second);
    expect(await pngLuminanceStdDev(second, png)).toBeGreaterThan(10);
    // The canvas itself is drawn, not just the panels.
    const canvasPng = await second.locator("#canvas").screenshot();
    expect(await pngLuminanceStdDev(second, canvasPng)).toBeGreaterThan(5);
    await second.close();
  });

  it("says clearly when the API is down and recovers on retry", async () => {
    await page.close();
    page = await e2e.newPage();
    await page.route("**/graphql", (route) => route.abort("connectionrefused"));
    await page.goto(`${e2e.server.baseUrl}/#hood=${DEPARTMENT_53}&depth=1`);
    const alert = page.locator(".status-panel.error");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("cannot be reached");
    await shot("08-api-down");
    await page.unroute("**/graphql");
    await alert.getByRole("button", { name: "Retry" }).click();
    await waitForEntity(DEPARTMENT_53);
    expect(await page.locator(".status-panel.error").count()).toBe(0);
  });

  it("raised no uncaught errors in the page", () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
