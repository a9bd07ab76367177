/**
 * What every browser test sets up, in one place: the real Neo4j (emptied, with the seed, then `prepare`), the real API
 * server serving the built client, Debian's Chromium, and a page that records its uncaught errors. Plus the few
 * ways the tests look at the app (`window.app`, exposed by client/src/main.ts) and save screenshots.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import type { Graph } from "../../../server/db/graph.ts";
import { projectRoot } from "../../../server/paths.ts";
import { resetDatabase, testGraph } from "../../support/graph.ts";
import { BROWSER_WAIT_CEILING_MS, launchChromium, openPage } from "./browser.ts";
import { assertClientBuilt, startServer } from "./server.ts";

/** Screenshots go here, for a human to look at. */
export const SHOTS = join(projectRoot, "scratch", "e2e");

/** The parts of the client's App the tests read (`window.app`). */
export interface AppHandle {
  model: { entities: Map<string, unknown>; relationships: Map<string, unknown> };
  view: { cy: import("cytoscape").Core };
}

export interface E2E {
  graph: Graph;
  browser: Browser;
  server: Awaited<ReturnType<typeof startServer>>;
  page: Page;
  /** Uncaught errors of every page opened with `newPage` (and of `page`). */
  pageErrors: string[];
  /** Another page that records its errors in `pageErrors`. */
  newPage(options?: { viewport?: { width: number; height: number }; acceptDownloads?: boolean }): Promise<Page>;
  /** Saves a screenshot of `page` (or of `of`) as scratch/e2e/<name>.png and returns it. */
  shot(name: string, of?: Page): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startE2E({
  prepare,
  server: serverOptions,
  acceptDownloads,
}: {
  /** Runs on the reset database (with the seed) before the server starts: imports a test needs. */
  prepare?: (graph: Graph) => Promise<unknown>;
  server?: Parameters<typeof startServer>[1];
  acceptDownloads?: boolean;
} = {}): Promise<E2E> {
  assertClientBuilt();
  const graph = testGraph();
  let server: E2E["server"] | undefined;
  let browser: Browser | undefined;
  try {
    await resetDatabase(graph);
    await prepare?.(graph);
    server = await startServer(graph, serverOptions);
    browser = await launchChromium();
    const pageErrors: string[] = [];
    const newPage: E2E["newPage"] = async (options = {}) => {
      const p = await openPage(browser as Browser, options.viewport, { acceptDownloads: options.acceptDownloads });
      p.on("pageerror", (e) => pageErrors.push(e.message));
      p.on("crash", () => pageErrors.push(`The page ${p.url()} crashed.`));
      return p;
    };
    const page = await newPage({ acceptDownloads });
    const opened = { graph, browser, server };
    return {
      ...opened,
      page,
      pageErrors,
      newPage,
      async shot(name, of = page) {
        mkdirSync(SHOTS, { recursive: true });
        const png = await of.screenshot();
        writeFileSync(join(SHOTS, `${name}.png`), png);
        return png;
      },
      close: () => closeAll(opened),
    };
  } catch (error) {
    await closeAll({ graph, browser, server });
    throw error;
  }
}

async function closeAll({ graph, browser, server }: { graph: Graph; browser?: Browser; server?: E2E["server"] }): Promise<void> {
  await browser?.close();
  await server?.close();
  await graph.close();
}

/** Waits until the entity is drawn on the canvas. */
export async function waitForEntity(page: Page, id: string): Promise<void> {
  await page.waitForFunction((i) => (window as unknown as { app?: AppHandle }).app?.view.cy.getElementById(i).nonempty() ?? false, id);
}

/** Ids of the entities on the canvas, sorted. */
export async function canvasIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { app: AppHandle }).app.model.entities.keys()].sort());
}

/** expect.poll with the browser waits' ceiling (its own default, 1 s, is a budget a busy machine misses). */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: BROWSER_WAIT_CEILING_MS });
