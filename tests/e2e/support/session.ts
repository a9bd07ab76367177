/**
 * What every browser test sets up once per file and tears down after it: the database reset to the seed (plus what
 * `prepare` adds), the real API server serving the built client, Debian's Chromium and one page whose uncaught
 * errors are collected.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { Graph } from "../../../server/db/graph.ts";
import { projectRoot } from "../../../server/paths.ts";
import { resetDatabase, testGraph } from "../../support/graph.ts";
import { launchChromium, openPage } from "./browser.ts";
import { assertClientBuilt, startServer } from "./server.ts";

/** Where screenshots go, for a human to look at. */
const SHOTS = join(projectRoot, "scratch", "e2e");

/** The client's `window.app` (client/src/app.ts) as the browser tests read it. */
export interface AppHandle {
  model: { entities: Map<string, unknown>; relationships: Map<string, unknown> };
  view: { cy: import("cytoscape").Core };
}

export interface BrowserTest {
  graph: Graph;
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  page: Page;
  /** The page's uncaught errors (a test asserts there are none). */
  pageErrors: string[];
  /** Saves the page as scratch/e2e/<name>.png and returns the PNG. */
  shot(name: string): Promise<Buffer>;
}

export interface BrowserTestOptions {
  /** Adds data after the reset to the seed, before the server starts (an import, a replay). */
  prepare?: (graph: Graph) => Promise<unknown>;
  /** Runs once the server listens, before the page opens (e.g. waits until the first query plans are compiled). */
  ready?: (baseUrl: string) => Promise<void>;
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
    async shot(name: string) {
      mkdirSync(SHOTS, { recursive: true });
      const png = await test.page.screenshot();
      writeFileSync(join(SHOTS, `${name}.png`), png);
      return png;
    },
  } as BrowserTest;
  beforeAll(async () => {
    if (options.client !== false) assertClientBuilt();
    test.graph = testGraph();
    await resetDatabase(test.graph);
    await options.prepare?.(test.graph);
    test.server = await startServer(test.graph);
    await options.ready?.(test.server.baseUrl);
    test.browser = await launchChromium();
    test.page = await openPage(test.browser, undefined, { acceptDownloads: options.acceptDownloads });
    test.page.on("pageerror", (e) => test.pageErrors.push(e.message));
  }, options.setupTimeoutMs ?? 300_000);
  afterAll(async () => {
    await test.browser?.close();
    await test.server?.close();
    await test.graph?.close();
  });
  return test;
}
