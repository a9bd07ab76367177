/**
 * The "as of" date control, delisted/ended styling, the entity timeline and the "what changed" view, end to end:
 * the built client served by the real API on the real Neo4j holding the seed plus the last two snapshots of the
 * real OFAC extract (tests/fixtures/ofac-history), in Debian's headless Chromium.
 * EMPEROR AVIATION LTD (ofac-38556) and its aircraft 9H-AMN (ofac-38557) were delisted on 2024-05-03; both were
 * linked to KERIMOVA, Gulnara (ofac-38279), who stays listed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { replay } from "../../server/history/replay.ts";
import { projectRoot } from "../../server/paths.ts";
import { fixture } from "../import/helpers.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { launchChromium, openPage } from "./support/browser.ts";
import { assertClientBuilt, startServer } from "./support/server.ts";

const SHOTS = join(projectRoot, "scratch", "e2e");
const EMPEROR = "ofac-38556";
const AIRCRAFT = "ofac-38557";
const KERIMOVA = "ofac-38279";
const VIEW = `e=${AIRCRAFT},${EMPEROR},${KERIMOVA}`;

interface AppHandle {
  model: { entities: Map<string, unknown>; relationships: Map<string, unknown> };
  view: { cy: import("cytoscape").Core };
}

let graph: Graph;
let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let page: Page;
const pageErrors: string[] = [];

/** The canvas once a view has loaded: relationships drawn, and which entities and edges look past. */
async function canvas() {
  await page.waitForFunction(() => !document.querySelector(".loading-indicator:not([hidden])"));
  return page.evaluate(() => {
    const cy = (window as unknown as { app: AppHandle }).app.view.cy;
    return {
      entities: cy
        .nodes(".entity")
        .map((n) => n.id())
        .sort(),
      relationships: cy.edges(".relationship").length,
      ended: cy.edges(".ended").length,
      delisted: cy
        .nodes(".delisted")
        .map((n) => n.id())
        .sort(),
      sanctioned: cy
        .nodes(".sanctioned")
        .map((n) => n.id())
        .sort(),
    };
  });
}

async function waitForEntities(n: number): Promise<void> {
  await page.waitForFunction((count) => ((window as unknown as { app?: AppHandle }).app?.view.cy.nodes(".entity").length ?? 0) >= count, n);
}

beforeAll(async () => {
  assertClientBuilt();
  browser = await launchChromium();
  graph = testGraph();
  await resetDatabase(graph);
  await replay(graph, [fixture("ofac-history", "sdn_2024-05-02.csv"), fixture("ofac-history", "sdn_2024-05-03.csv")]);
  server = await startServer(graph);
  page = await openPage(browser);
  page.on("pageerror", (e) => pageErrors.push(e.message));
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await graph?.close();
});

describe("as of a day", () => {
  it("today: the delisted entities and their ended links are drawn as past, with legend entries", async () => {
    await page.goto(`${server.baseUrl}/#${VIEW}`);
    await waitForEntities(3);
    const now = await canvas();
    expect(now.entities).toEqual([KERIMOVA, EMPEROR, AIRCRAFT].sort());
    expect(now.relationships).toBe(2);
    expect(now.ended).toBe(2);
    expect(now.delisted).toEqual([EMPEROR, AIRCRAFT].sort());
    expect(now.sanctioned).toEqual([KERIMOVA]);
    expect(await page.locator('[data-legend="delisted"]').textContent()).toBe("2");
    expect(await page.locator('[data-legend="ended"]').textContent()).toBe("2");
    expect(await page.locator(".legend").textContent()).toContain("Delisted");
    writeShot("as-of-01-now", await page.screenshot());
  }, 600_000);

  it("the date field redraws the view as of that day and keeps it in the URL", async () => {
    await page.locator("#as-of-date").fill("2024-05-02");
    await page.waitForFunction(() => location.hash.includes("at=2024-05-02"));
    await page.waitForFunction(() => (window as unknown as { app: AppHandle }).app.view.cy.nodes(".sanctioned").length === 3);
    const before = await canvas();
    expect(before.relationships).toBe(2);
    expect(before.ended).toBe(0);
    expect(before.delisted).toEqual([]);
    writeShot("as-of-02-2024-05-02", await page.screenshot());
    // The slider sits on that day; a reload of the link opens the same view.
    await page.reload();
    await waitForEntities(3);
    await page.waitForFunction(() => (window as unknown as { app: AppHandle }).app.view.cy.edges(".relationship").length === 2);
    expect(await page.locator("#as-of-date").inputValue()).toBe("2024-05-02");
  }, 600_000);

  it("a day after the delisting: the links are gone and nothing from the list looks current", async () => {
    await page.goto(`${server.baseUrl}/#${VIEW}&at=2024-05-03`);
    await waitForEntities(3);
    await page.waitForFunction(() => (window as unknown as { app: AppHandle }).app.view.cy.nodes(".delisted").length === 2);
    const after = await canvas();
    expect(after.relationships).toBe(0);
    expect(after.delisted).toEqual([EMPEROR, AIRCRAFT].sort());
    // "Now" goes back to today's graph.
    await page.locator("#as-of-now").click();
    await page.waitForFunction(() => !location.hash.includes("at="));
    await page.waitForFunction(() => (window as unknown as { app: AppHandle }).app.view.cy.edges(".ended").length === 2);
  }, 600_000);

  it("the details panel shows an entity's timeline", async () => {
    // The view with EMPEROR AVIATION selected (the link the Share button gives), which opens its details.
    await page.goto(`${server.baseUrl}/#${VIEW}&sel=${EMPEROR}`);
    await waitForEntities(3);
    const timeline = page.locator(".timeline-section");
    await timeline.locator(".timeline.changes li").first().waitFor();
    const text = await timeline.textContent();
    expect(text).toContain("listed from 2024-05-02 to 2024-05-03 (delisted)");
    expect(text).toContain("2024-05-03 Delisted");
    expect(text).toContain("2024-05-02 Listed");
  }, 600_000);

  it("what changed: the records that differ between two snapshots, which can be put on the canvas", async () => {
    await page.getByRole("tab", { name: "What changed" }).click();
    await page.locator("#changes-from").fill("2024-05-02");
    await page.locator("#changes-to").fill("2024-05-03");
    await page.locator("#changes-run").click();
    const total = page.locator(".changes-total");
    await total.waitFor();
    // The extract holds 8 of the records delisted on 2024-05-03 (Emperor Aviation and its aircraft), nothing else.
    const rows = page.locator(".changes-list li");
    expect(await total.textContent()).toBe(`${await rows.count()} changes`);
    expect(await rows.count()).toBeGreaterThan(1);
    expect(await rows.first().textContent()).toContain("2024-05-03 removed");
    await page.locator("#changes-add-all").click();
    await page.waitForFunction((n) => (window as unknown as { app: AppHandle }).app.view.cy.nodes(".entity").length >= n, 4);
    writeShot("as-of-03-changes", await page.screenshot());
    expect(pageErrors).toEqual([]);
  }, 600_000);
});

function writeShot(name: string, png: Buffer): void {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `${name}.png`), png);
}
