import type { Browser, Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchResult, DragResult, Grab, LegibilityResult } from "../../bench/client/bench-page.ts";
import type { CanvasView } from "../../client/src/graph/canvas-view.ts";
import type { CanvasModel } from "../../client/src/model/canvas-model.ts";
import { projectRoot } from "../../server/paths.ts";
import { launchChromium, openPage } from "./support/browser.ts";

// The canvas at scale in Chromium, on the client benchmark's page (bench/client: the client's own CanvasView,
// stylesheet and layouts fed a synthetic 150-entity neighbourhood, served by Vite from the sources).
interface BenchWindow {
  bench: {
    ready: boolean;
    view: CanvasView;
    model: CanvasModel;
    neighbourhood(n: number, layout: string): Promise<LegibilityResult>;
    run(n: number, layout: string, renderer: string, panMs: number): Promise<BenchResult>;
    grabPoint(): Promise<Grab>;
    drag(from: { x: number; y: number }, radius: number, ms: number): Promise<DragResult>;
  };
}

let vite: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  vite = await createServer({ root: projectRoot, configFile: false, logLevel: "error", server: { port: 0, host: "127.0.0.1" } });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (!address || typeof address !== "object") throw new Error("Vite did not listen");
  url = `http://127.0.0.1:${address.port}/bench/client/bench.html`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await vite?.close();
});

async function open(layout: string): Promise<{ page: Page; result: LegibilityResult }> {
  const page = await openPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as Partial<BenchWindow>).bench?.ready === true);
  const result = await page.evaluate(([l]) => (window as unknown as BenchWindow).bench.neighbourhood(150, l), [layout]);
  return { page, result };
}

describe("a 150-entity neighbourhood on the canvas", () => {
  for (const layout of ["concentric", "fcose"]) {
    it(`opens in ${layout} with the focus and its first ring labelled at 10 px or more`, async () => {
      const { page, result } = await open(layout);
      expect(result.entities).toBe(151);
      expect(result.groups).toBeGreaterThanOrEqual(3);
      expect(result.legible).toBe(result.firstRing);
      expect(result.smallestLabelPx).toBeGreaterThanOrEqual(10);
      if (layout === "concentric") expect(result.overlaps).toBe(0);
      await page.close();
    });
  }

  it("opens a group on a tap: its members are drawn one by one", async () => {
    const { page, result } = await open("concentric");
    const before = result.drawn;
    const group = await page.evaluate(() => {
      const cy = (window as unknown as BenchWindow).bench.view.cy;
      const g = cy.nodes("[kind = 'group']").first();
      g.emit("tap");
      return { id: g.id(), size: Number(String(g.data("label")).match(/(\d+) ×/)?.[1]) };
    });
    await page.waitForFunction(([id]) => (window as unknown as BenchWindow).bench.view.cy.getElementById(id as string).empty(), [group.id]);
    const after = await page.evaluate(() => (window as unknown as BenchWindow).bench.view.cy.nodes().length);
    expect(after).toBe(before - 1 + group.size);
    await page.close();
  });

  it("draws what an expansion adds: new leaves of a hub already drawn are not hidden in a group", async () => {
    const { page } = await open("concentric");
    const drawn = await page.evaluate(() => {
      const { view, model } = (window as unknown as BenchWindow).bench;
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) {
        const id = `x${i}`;
        ids.push(id);
        model.addEntity({ id, schema: "Person", name: `New director ${i}`, countries: ["kp"], sanctioned: false, listings: [] });
        model.addRelationship({
          id: `xr${i}`,
          type: "DIRECTOR_OF",
          label: "is a director of",
          role: null,
          analyst: false,
          startDate: null,
          endDate: null,
          listings: [],
          properties: [],
          source: { id },
          target: { id: "hub" },
          sources: [],
        });
      }
      view.sync(model);
      return ids.filter((id) => view.cy.getElementById(id).nonempty()).length;
    });
    expect(drawn).toBe(25);
    await page.close();
  });
});

describe("dragging a node on a network of hundreds of entities", () => {
  // 400 nodes draw their edges while dragging; 800 (4,800 elements, past HEAVY_ELEMENTS) hide them.
  for (const nodes of [400, 800]) {
    it(`redraws the dragged node, not every other node, on each frame (${nodes} nodes)`, async () => {
      const page = await openPage(browser);
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as Partial<BenchWindow>).bench?.ready === true);
      await page.evaluate((n) => (window as unknown as BenchWindow).bench.run(n, "concentric", "canvas", 0), nodes);
      const grab = await page.evaluate(() => (window as unknown as BenchWindow).bench.grabPoint());
      const before = await page.evaluate((id) => (window as unknown as BenchWindow).bench.view.cy.getElementById(id).position(), grab.id);
      const drag = await page.evaluate((at) => (window as unknown as BenchWindow).bench.drag(at, 40, 1500), grab);
      const after = await page.evaluate((id) => (window as unknown as BenchWindow).bench.view.cy.getElementById(id).position(), grab.id);
      expect(drag.drags).toBeGreaterThanOrEqual(5);
      expect(after).not.toEqual(before);
      // The node layer (every element not dragged) is drawn once as the drag starts (the drag layer takes the dragged
      // node out of it), not on each of the frames that follow.
      expect(drag.nodeLayerFrames).toBeLessThanOrEqual(2);
      await page.close();
    });
  }
});
