/**
 * Bulk screening in the client, end to end: upload a 1,000-line CSV in Chromium, read the results, put the hits on
 * the canvas and download the results (the built client, the real API server, the real Neo4j with the seed).
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { tempFile } from "../import/helpers.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { launchChromium } from "./support/browser.ts";
import { assertClientBuilt, startServer } from "./support/server.ts";

let graph: Graph;
let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let page: Page;

/** 1,000 rows: the seed's names and spellings, and names that are on no list. */
function csv(): string {
  const listed = [
    '"SON, Kyong Sik",Person,,kp,',
    "Chonsurim Trading,Organization,,,",
    "Jong In-chol,Person,,,",
    "korea osong shipping,,,,",
  ];
  const rows = Array.from({ length: 1000 }, (_, i) =>
    i % 10 === 0 ? listed[(i / 10) % listed.length] : `Nobody Listed${i},Person,1970,,`,
  );
  return `name,schema,birthDate,country,identifiers\n${rows.join("\n")}\n`;
}

beforeAll(async () => {
  assertClientBuilt();
  browser = await launchChromium();
  graph = testGraph();
  await resetDatabase(graph);
  server = await startServer(graph);
  page = await browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await graph?.close();
});

describe("bulk screening in the client", () => {
  it("screens a 1,000-line CSV, shows the hits, puts them on the canvas and downloads the results", async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("button", { name: "Clear the canvas" }).click();
    await page.getByRole("tab", { name: "Screen" }).click();
    await page.locator(".screen-file").setInputFiles(tempFile("names.csv", csv()));
    await page.getByText(/^Screened 1000 rows/).waitFor({ timeout: 300_000 });
    const status = await page.locator(".screen-status").textContent();
    expect(status).toMatch(/Screened 1000 rows: 100 with a match, 900 without/);
    expect(await page.locator(".screen-table tbody tr").count()).toBe(1000);
    const son = page.locator("tr.screen-hit", { hasText: "SON, Kyong Sik" }).first();
    expect(await son.locator(".screen-score").textContent()).toBe("1.00");
    expect(await son.locator(".badge.dataset").count()).toBe(1);

    await page.getByRole("button", { name: "Put hits on canvas" }).click();
    await page.waitForFunction(() => {
      const app = (window as unknown as { app: { model: { entities: Map<string, unknown> } } }).app;
      return ["ofac-52286", "ofac-52283", "ofac-52289", "ofac-52282"].every((id) => app.model.entities.has(id));
    });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download results" }).click()]);
    const text = readFileSync((await download.path()) as string, "utf8");
    expect(text.split("\n")[0]).toBe("line,name,rank,score,match,entityId,entityName,matchedName,datasets,features");
    expect(text).toContain("ofac-52286");
  }, 400_000);

  it("names the line of a malformed CSV", async () => {
    await page.locator(".screen-file").setInputFiles(tempFile("bad.csv", 'name,birthDate\n"Kim,1962\n'));
    await page.locator(".screen-status[role=alert]").waitFor();
    expect(await page.locator(".screen-status").textContent()).toMatch(/Cannot read the file/);
  });
});
