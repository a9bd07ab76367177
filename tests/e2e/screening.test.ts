/**
 * Bulk screening in the client, end to end: upload a 1,000-line CSV in Chromium, read the results, put the hits on
 * the canvas and download the results (the built client, the real API server, the real Neo4j with the seed).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tempFile } from "../import/helpers.ts";
import { browserTest } from "./support/session.ts";

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

const e2e = browserTest({ acceptDownloads: true });

describe("bulk screening in the client", () => {
  it("screens a 1,000-line CSV, shows the hits, puts them on the canvas and downloads the results", async () => {
    await e2e.page.goto(`${e2e.server.baseUrl}/`);
    await e2e.page.getByRole("button", { name: "Clear the canvas" }).click();
    await e2e.page.getByRole("tab", { name: "Screen" }).click();
    await e2e.page.locator(".screen-file").setInputFiles(tempFile("names.csv", csv()));
    await e2e.page.getByText(/^Screened 1000 rows/).waitFor({ timeout: 300_000 });
    const status = await e2e.page.locator(".screen-status").textContent();
    expect(status).toMatch(/Screened 1000 rows: 100 with a match, 900 without/);
    expect(await e2e.page.locator(".screen-table tbody tr").count()).toBe(1000);
    const son = e2e.page.locator("tr.screen-hit", { hasText: "SON, Kyong Sik" }).first();
    expect(await son.locator(".screen-score").textContent()).toBe("1.00");
    expect(await son.locator(".badge.dataset").count()).toBe(1);

    await e2e.page.getByRole("button", { name: "Put hits on canvas" }).click();
    await e2e.page.waitForFunction(() => {
      const app = (window as unknown as { app: { model: { entities: Map<string, unknown> } } }).app;
      return ["ofac-52286", "ofac-52283", "ofac-52289", "ofac-52282"].every((id) => app.model.entities.has(id));
    });

    const [download] = await Promise.all([
      e2e.page.waitForEvent("download"),
      e2e.page.getByRole("button", { name: "Download results" }).click(),
    ]);
    const text = readFileSync((await download.path()) as string, "utf8");
    expect(text.split("\n")[0]).toBe("line,name,rank,score,match,entityId,entityName,matchedName,datasets,features");
    expect(text).toContain("ofac-52286");
  }, 400_000);

  it("names the line of a malformed CSV", async () => {
    await e2e.page.locator(".screen-file").setInputFiles(tempFile("bad.csv", 'name,birthDate\n"Kim,1962\n'));
    await e2e.page.locator(".screen-status[role=alert]").waitFor();
    expect(await e2e.page.locator(".screen-status").textContent()).toMatch(/Cannot read the file/);
  });
});
