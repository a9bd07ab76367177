/**
 * The canvas's right-click menus and keyboard (client/src/features/canvas-menus.ts, keyboard.ts) end to end: the
 * built client on the real API server and Neo4j with the seed (9 entities, 11 relationships), driven in Debian's
 * headless Chromium with real mouse buttons and keys. Each test asserts what changed on the canvas.
 *
 * Evaluated functions return plain data only: a Cytoscape collection handed back to the test is serialised with its
 * whole object graph and runs the page out of memory.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { type AppHandle, browserTest, canvasIds, pagePosition, poll, selectedIds, settle } from "./support/session.ts";

const DEPARTMENT_53 = "ofac-52262";
const DEPARTMENT_53_NAME = "DEPARTMENT 53 OF THE MINISTRY OF THE PEOPLE'S ARMED FORCES";
const LIAONING = "ofac-52264";
const MINISTRY = "seed-ministry-of-the-peoples-armed-forces";
const CHONSURIM = "ofac-52283";
const JONG = "ofac-52289";
const OSONG_DELEGATION = "seed-osong-it-delegation-laos";
const SEED_SIZE = 9;

const e2e = browserTest();
let page: Page;

beforeAll(() => {
  page = e2e.page;
});

async function rightClick(at: { x: number; y: number }): Promise<void> {
  await page.mouse.click(at.x, at.y, { button: "right" });
}

/** The open menu's enabled and disabled item labels, in order. */
async function menuItems(name: string | RegExp): Promise<string[]> {
  const menu = page.getByRole("menu", { name });
  await menu.getByRole("menuitem").first().waitFor();
  return menu.locator(".menu-item .menu-label").allTextContents();
}

const menuCount = () => page.getByRole("menu").count();

/** The open menu's item whose label is exactly `label` (an item's accessible name also holds its detail and key). */
const menuItem = (label: string) =>
  page
    .getByRole("menu")
    .getByRole("menuitem")
    .filter({ has: page.locator(".menu-label").getByText(label, { exact: true }) });

/** Whether the canvas draws no element with this id (the model aside). */
const notDrawn = (id: string) => page.evaluate((i) => (window as unknown as { app: AppHandle }).app.view.cy.getElementById(i).empty(), id);

/** The canvas's zoom, and whether every entity lies inside the visible part of the canvas. */
const viewport = () =>
  page.evaluate(() => {
    const cy = (window as unknown as { app: AppHandle }).app.view.cy;
    const ext = cy.extent();
    const inside = cy.nodes(".entity").every((n) => {
      const b = n.boundingBox();
      return b.x1 >= ext.x1 && b.x2 <= ext.x2 && b.y1 >= ext.y1 && b.y2 <= ext.y2;
    });
    return { zoom: cy.zoom(), inside };
  });

/**
 * Selects an entity as the canvas does for a tap (the panels follow) and gives the canvas the keyboard focus. The keys
 * are what is tested here; a click's selection is the analyst-client test's.
 */
async function selectEntity(id: string): Promise<void> {
  await page.evaluate((i) => {
    (window as unknown as { app: AppHandle }).app.view.select(i);
  }, id);
  await poll(() => selectedIds(page)).toEqual([id]);
  await page.locator("#canvas").focus();
}

describe("the canvas's right-click menu and keys", () => {
  it("opens on the seed network", async () => {
    await page.goto(`${e2e.server.baseUrl}/`);
    // On a machine this busy the first neighbourhood query (its plan still cold) may pass its time limit: then the
    // error panel's Retry is used, as a person would.
    for (;;) {
      const outcome = await page.waitForFunction((id) => {
        if (document.querySelector(".status-panel.error")) return "failed";
        return (window as unknown as { app?: AppHandle }).app?.view.cy.getElementById(id).nonempty() ? "drawn" : false;
      }, DEPARTMENT_53);
      if ((await outcome.jsonValue()) === "drawn") break;
      await page.locator(".status-panel.error").getByRole("button", { name: "Retry" }).click();
    }
    await settle(page);
    expect(await canvasIds(page)).toHaveLength(SEED_SIZE);
  });

  it("right-click on an entity selects it and offers its actions; Collapse removes its leaves", async () => {
    await rightClick(await pagePosition(page, DEPARTMENT_53));
    expect(await menuItems(DEPARTMENT_53_NAME)).toEqual([
      "Expand…",
      "Collapse",
      "Remove",
      "Path from here",
      "Path to here",
      "Avoid in paths",
      "Add link from here",
      "Centre its neighbourhood",
      "Details",
    ]);
    expect(await selectedIds(page)).toEqual([DEPARTMENT_53]);
    await page.locator("#details-title", { hasText: DEPARTMENT_53_NAME }).waitFor();
    await menuItem("Collapse").click();
    // Department 53's leaves are Liaoning and the Ministry; everything else links elsewhere too.
    await poll(() => canvasIds(page)).toHaveLength(SEED_SIZE - 2);
    const ids = await canvasIds(page);
    expect(ids).not.toContain(LIAONING);
    expect(ids).not.toContain(MINISTRY);
    expect(ids).toContain(DEPARTMENT_53);
    expect(await notDrawn(LIAONING)).toBe(true);
    expect(await menuCount()).toBe(0);
  });

  it("Enter opens the expand menu of the selected entity; Enter on its first item brings the leaves back", async () => {
    await selectEntity(DEPARTMENT_53);
    await page.keyboard.press("Enter");
    const all = page.getByRole("menu", { name: `Expand ${DEPARTMENT_53_NAME}` }).getByTestId("expand-all");
    await all.waitFor();
    // The menu focuses its first item once the counts are in: the keyboard alone picks it.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("expand-all");
    await page.keyboard.press("Enter");
    await poll(() => canvasIds(page)).toHaveLength(SEED_SIZE);
    expect(await canvasIds(page)).toEqual(expect.arrayContaining([LIAONING, MINISTRY]));
    await settle(page);
  });

  it("C collapses the selected entity; an arrow moves the selection that way; Delete removes the selected entity", async () => {
    await selectEntity(DEPARTMENT_53);
    await page.keyboard.press("c");
    await poll(() => canvasIds(page)).toHaveLength(SEED_SIZE - 2);
    expect(await canvasIds(page)).not.toContain(LIAONING);

    // The arrow towards a side that has entities selects one of them.
    const side = await page.evaluate((i) => {
      const cy = (window as unknown as { app: AppHandle }).app.view.cy;
      const x = cy.getElementById(i).position().x;
      return cy
        .nodes(".entity")
        .filter((n) => n.position().x > x)
        .nonempty()
        ? "ArrowRight"
        : "ArrowLeft";
    }, DEPARTMENT_53);
    await page.keyboard.press(side);
    await poll(async () => (await selectedIds(page))[0] ?? DEPARTMENT_53).not.toBe(DEPARTMENT_53);
    const [moved] = await selectedIds(page);
    const xs = await page.evaluate(
      ([a, b]) => {
        const cy = (window as unknown as { app: AppHandle }).app.view.cy;
        return [cy.getElementById(a).position().x, cy.getElementById(b).position().x];
      },
      [DEPARTMENT_53, moved],
    );
    if (side === "ArrowRight") expect(xs[1]).toBeGreaterThan(xs[0]);
    else expect(xs[1]).toBeLessThan(xs[0]);
    await page.locator("#details-title").filter({ hasText: /\S/ }).waitFor();

    await selectEntity(OSONG_DELEGATION);
    await page.keyboard.press("Delete");
    await poll(() => canvasIds(page)).toHaveLength(SEED_SIZE - 3);
    expect(await canvasIds(page)).not.toContain(OSONG_DELEGATION);
    expect(await notDrawn(OSONG_DELEGATION)).toBe(true);
    expect(await selectedIds(page)).toEqual([]);
  });

  it("Escape clears the selection; Shift+F10 opens the canvas's menu without one and the entity's with one", async () => {
    await selectEntity(CHONSURIM);
    await page.locator("#details-title", { hasText: "CHONSURIM TRADING CORPORATION" }).waitFor();
    await page.keyboard.press("Escape");
    await poll(() => selectedIds(page)).toEqual([]);
    await page.locator(".panel-hint").waitFor();

    await page.keyboard.press("Shift+F10");
    expect(await menuItems("Canvas")).toContain("Fit to screen");
    await page.keyboard.press("Escape");
    await poll(menuCount).toBe(0);

    await selectEntity(CHONSURIM);
    await page.keyboard.press("Shift+F10");
    expect(await menuItems("CHONSURIM TRADING CORPORATION")).toContain("Collapse");
    await page.keyboard.press("Escape");
    await poll(menuCount).toBe(0);
    // The selection outlives the menu.
    expect(await selectedIds(page)).toEqual([CHONSURIM]);
  });

  it("+ and - zoom by a quarter; F fits every entity into view", async () => {
    await page.locator("#canvas").focus();
    await page.keyboard.press("f");
    await settle(page);
    const fitted = await viewport();
    expect(fitted.inside).toBe(true);
    await page.keyboard.press("+");
    await poll(async () => (await viewport()).zoom).toBeCloseTo(fitted.zoom * 1.25, 3);
    await page.keyboard.press("-");
    await poll(async () => (await viewport()).zoom).toBeCloseTo(fitted.zoom, 3);
    for (const _ of [1, 2, 3]) {
      await page.keyboard.press("+");
      await settle(page);
    }
    expect((await viewport()).zoom).toBeCloseTo(fitted.zoom * 1.25 ** 3, 3);
    await page.keyboard.press("f");
    await settle(page);
    const refitted = await viewport();
    expect(refitted.zoom).toBeCloseTo(fitted.zoom, 3);
    expect(refitted.inside).toBe(true);
  });

  it("/ moves the focus to the search box", async () => {
    await page.locator("#canvas").focus();
    await page.keyboard.press("/");
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe("search");
  });

  it("right-click on a relationship offers its details and both ends; picking an end selects it", async () => {
    const edge = await page.evaluate(
      ([a, b]) => {
        const cy = (window as unknown as { app: AppHandle }).app.view.cy;
        const found = cy.edges(".relationship").filter((e) => [a, b].includes(e.source().id()) && [a, b].includes(e.target().id()));
        return found.empty() ? null : found.first().id();
      },
      [CHONSURIM, JONG],
    );
    expect(edge).not.toBeNull();
    await rightClick(await pagePosition(page, edge as string));
    const items = await menuItems(/.+/);
    expect(items.slice(0, 2)).toEqual(["Details and sources", "End or retract…"]);
    expect(items).toEqual(expect.arrayContaining(["Select CHONSURIM TRADING CORPORATION", "Select JONG, In Chol"]));
    expect(await selectedIds(page)).toEqual([edge]);
    await menuItem("Select JONG, In Chol").click();
    await poll(() => selectedIds(page)).toEqual([JONG]);
    await page.locator("#details-title", { hasText: "JONG, In Chol" }).waitFor();
  });

  it("right-click on the empty canvas offers fit and layouts; a layout from there goes to the toolbar and the link", async () => {
    await page.locator("#canvas").focus();
    await page.keyboard.press("f");
    await settle(page);
    // A corner of the fitted canvas, clear of the legend on the left: no entity or relationship reaches it.
    const box = await page.locator("#canvas").boundingBox();
    if (!box) throw new Error("The canvas has no box.");
    await rightClick({ x: box.x + box.width - 8, y: box.y + box.height - 8 });
    expect(await menuItems("Canvas")).toEqual([
      "Fit to screen",
      "Force-directed layout",
      "Hierarchical layout",
      "Concentric layout",
      "Clear path highlight",
    ]);
    expect(await menuItem("Clear path highlight").isDisabled()).toBe(true);
    const before = await page.evaluate(() =>
      (window as unknown as { app: AppHandle }).app.view.cy.nodes(".entity").map((n) => ({ ...n.position() })),
    );
    await menuItem("Hierarchical layout").click();
    await poll(() => page.url()).toContain("layout=dagre");
    expect(await page.locator("#layout-select").inputValue()).toBe("dagre");
    await settle(page);
    const after = await page.evaluate(() =>
      (window as unknown as { app: AppHandle }).app.view.cy.nodes(".entity").map((n) => ({ ...n.position() })),
    );
    expect(after).not.toEqual(before);
  });

  it("Remove in an entity's menu takes it off the canvas", async () => {
    const count = (await canvasIds(page)).length;
    await rightClick(await pagePosition(page, CHONSURIM));
    await page.getByRole("menu", { name: "CHONSURIM TRADING CORPORATION" }).waitFor();
    await menuItem("Remove").click();
    await poll(() => canvasIds(page)).toHaveLength(count - 1);
    expect(await canvasIds(page)).not.toContain(CHONSURIM);
    expect(await notDrawn(CHONSURIM)).toBe(true);
  });

  it("raised no uncaught errors in the page", () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
