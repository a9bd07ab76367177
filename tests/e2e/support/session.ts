/**
 * What every browser test sets up once per file and tears down after it: the database reset to the seed (plus what
 * `prepare` adds), the real API server serving the built client, Debian's Chromium and one page whose uncaught
 * errors are collected.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EdgeSingular, NodeSingular } from "cytoscape";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { Graph } from "../../../server/db/graph.ts";
import { projectRoot } from "../../../server/paths.ts";
import { resetDatabase, testGraph } from "../../support/graph.ts";
import { BROWSER_WAIT_CEILING_MS, launchChromium, openPage } from "./browser.ts";
import { assertClientBuilt, startServer } from "./server.ts";

/** Where screenshots go, for a human to look at. */
const SHOTS = join(projectRoot, "scratch", "e2e");

/** The client's `window.app` (client/src/app.ts) as the browser tests read it. */
export interface AppHandle {
  model: { entities: Map<string, unknown>; relationships: Map<string, unknown> };
  view: { cy: import("cytoscape").Core; select(id: string): boolean };
}

export interface BrowserTest {
  graph: Graph;
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  page: Page;
  /** The uncaught errors (and crashes) of `page` and of every page `newPage` opened (a test asserts there are none). */
  pageErrors: string[];
  /** Another page, with the wait ceiling, whose errors join `pageErrors` (a second reader, a fresh start). */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Saves `page` (or `of`) as scratch/e2e/<name>.png and returns the PNG. */
  shot(name: string, of?: Page): Promise<Buffer>;
}

export interface BrowserTestOptions {
  /** Adds data after the reset to the seed, before the server starts (an import, a replay). */
  prepare?: (graph: Graph) => Promise<unknown>;
  /** Runs once the server listens, before the page opens (e.g. waits until the first query plans are compiled). */
  ready?: (baseUrl: string) => Promise<void>;
  /** Options of the API server (sign-in, a longer request deadline for writes, ...). */
  server?: Parameters<typeof startServer>[1];
  /** False when the page is not the built client (GraphiQL), so the build is not required. */
  client?: boolean;
  acceptDownloads?: boolean;
  /** Ceiling of the whole setup (a real import on a busy machine takes minutes). */
  setupTimeoutMs?: number;
}

/** Registers the file's beforeAll/afterAll; the returned object is filled in once beforeAll has run. */
export function browserTest(options: BrowserTestOptions = {}): BrowserTest {
  const test = {
    pageErrors: [] as string[],
    async newPage({ viewport } = {}) {
      const page = await openPage(test.browser, viewport, { acceptDownloads: options.acceptDownloads });
      page.on("pageerror", (e) => test.pageErrors.push(e.message));
      page.on("crash", () => test.pageErrors.push(`The page ${page.url()} crashed.`));
      return page;
    },
    async shot(name: string, of?: Page) {
      mkdirSync(SHOTS, { recursive: true });
      const png = await (of ?? test.page).screenshot();
      writeFileSync(join(SHOTS, `${name}.png`), png);
      return png;
    },
  } as BrowserTest;
  beforeAll(async () => {
    if (options.client !== false) assertClientBuilt();
    test.graph = testGraph();
    await resetDatabase(test.graph);
    await options.prepare?.(test.graph);
    test.server = await startServer(test.graph, options.server);
    await options.ready?.(test.server.baseUrl);
    test.browser = await launchChromium();
    test.page = await test.newPage();
  }, options.setupTimeoutMs ?? 300_000);
  afterAll(async () => {
    await test.browser?.close();
    await test.server?.close();
    await test.graph?.close();
  });
  return test;
}

/** Waits until the entity is drawn on the canvas. */
export async function waitForEntity(page: Page, id: string): Promise<void> {
  await page.waitForFunction((i) => (window as unknown as { app?: AppHandle }).app?.view.cy.getElementById(i).nonempty() ?? false, id);
}

/** Ids of the entities on the canvas, sorted. */
export async function canvasIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { app: AppHandle }).app.model.entities.keys()].sort());
}

/** Waits until nothing loads and no layout animation moves the nodes, the zoom or the pan any more. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const cy = (window as unknown as { app: AppHandle }).app.view.cy;
        const snapshot = () => JSON.stringify([cy.zoom(), cy.pan(), cy.nodes().map((n) => n.position())]);
        const before = snapshot();
        setTimeout(() => resolve(!document.querySelector(".loading-indicator:not([hidden])") && snapshot() === before), 300);
      }),
    undefined,
    { polling: 100 },
  );
}

/** Where an element of the canvas is drawn, in page coordinates (a node's centre, an edge's midpoint). */
export async function pagePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((i) => {
    const cy = (window as unknown as { app: AppHandle }).app.view.cy;
    const rect = cy.container()?.getBoundingClientRect();
    const el = cy.getElementById(i);
    const p = el.isEdge() ? (el as EdgeSingular).renderedMidpoint() : (el as NodeSingular).renderedPosition();
    return { x: (rect?.left ?? 0) + p.x, y: (rect?.top ?? 0) + p.y };
  }, id);
}

/** Ids of what is selected on the canvas. */
export async function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { app: AppHandle }).app.view.cy
      .$(":selected")
      .map((e) => e.id())
      .sort(),
  );
}

/** expect.poll with the browser waits' ceiling (its own default, 1 s, is a budget a busy machine misses). */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: BROWSER_WAIT_CEILING_MS });
