/**
 * The exposure tab end to end: the built client served by the real API on the real Neo4j with the seed and the
 * real Zala FtM file, in Debian's headless Chromium. Screenshots go to scratch/e2e/ for a human to look at.
 */
import { describe, expect, it } from "vitest";
import { importFiles } from "../../server/import/index.ts";
import { realData } from "../import/helpers.ts";
import { type AppHandle, browserTest } from "./support/session.ts";

const LIAONING = "ofac-52264";
const DEPARTMENT_53 = "ofac-52262";
const JONG = "ofac-52289";
const LLC_CST = "NK-abdzbEBkqyT29GyREbiURZ";
const ZAKHAROV = "NK-aU5ybkbRFJucf8YMwsJvDw";

/** Opens an entity alone on the canvas, selected, and the Exposure tab. */
async function openSelected(id: string): Promise<void> {
  await e2e.page.goto(`${e2e.server.baseUrl}/#e=${encodeURIComponent(id)}&sel=${encodeURIComponent(id)}`);
  await e2e.page.waitForFunction((i) => (window as unknown as { app?: AppHandle }).app?.view.cy.getElementById(i).selected() ?? false, id, {
    timeout: 20_000,
  });
  await e2e.page.getByRole("tab", { name: "Exposure" }).click();
}

/** Ids of the highlighted (path) nodes on the canvas. */
const highlighted = () =>
  e2e.page.evaluate(() =>
    (window as unknown as { app: AppHandle }).app.view.cy
      .nodes(".path")
      .map((n) => n.id())
      .sort(),
  );

const e2e = browserTest({
  prepare: (graph) => importFiles(graph, "ftm", [realData("opensanctions-ftm", "zala_entities.ftm.json")]),
  // The first run of each query compiles its plan, which on a busy machine can pass the request deadline: wait
  // until both answer (as one waits for health) before driving the page.
  ready: async (baseUrl) => {
    for (const query of [`{ exposure(id: "${LIAONING}") { totalCount } }`, `{ ownership(id: "${LLC_CST}") { verdict } }`]) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const response = await fetch(`${baseUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query }),
        });
        if (!((await response.json()) as { errors?: unknown }).errors) break;
      }
    }
  },
});

describe("exposure tab", () => {
  it("lists the designated parties near Liaoning China Trade Industry, grouped by distance, and highlights a path", async () => {
    await openSelected(LIAONING);
    await e2e.page.getByRole("button", { name: "Check exposure" }).click();
    const result = e2e.page.getByTestId("exposure-result");
    await result.locator(`.exposure-party[data-entity-id="${DEPARTMENT_53}"]`).waitFor({ timeout: 30_000 });
    expect(await result.locator(".exposure-party").count()).toBe(5);
    expect(await result.locator(".exposure-summary").textContent()).toMatch(/^5 sanctioned parties within 3 hops/);
    expect(await result.locator(".exposure-group h4").allTextContents()).toEqual(["1 hop away", "2 hops away", "3 hops away"]);
    expect(await result.textContent()).toContain("DPRK3");

    await result.locator(`.exposure-party[data-entity-id="${JONG}"] .show-path`).click();
    await e2e.page.waitForFunction(
      (id) => (window as unknown as { app: AppHandle }).app.view.cy.getElementById(id).hasClass("path"),
      JONG,
      {
        timeout: 15_000,
      },
    );
    const ids = await highlighted();
    expect(ids[0]).toBe(DEPARTMENT_53);
    expect(ids).toContain(LIAONING);
    expect(ids).toContain(JONG);
    expect(ids).toHaveLength(4);
    await e2e.shot("exposure-01-liaoning");
  });

  it("gives the OFAC 50% verdict for LLC CST with its owners, shares and dates, and draws them layered with percentages", async () => {
    await openSelected(LLC_CST);
    await e2e.page.getByRole("button", { name: "Check ownership" }).click();
    const result = e2e.page.getByTestId("ownership-result");
    await result.locator("[data-verdict]").waitFor({ timeout: 30_000 });
    expect(await result.locator("[data-verdict]").getAttribute("data-verdict")).toBe("BLOCKED");
    expect(await result.locator(".statement").textContent()).toMatch(/Owned 50% or more \(51%\).*according to these records/);
    const zakharov = result.locator(`.ownership-owner[data-entity-id="${ZAKHAROV}"]`);
    expect(await zakharov.getAttribute("class")).toContain("blocked");
    expect(await zakharov.textContent()).toContain("51% of LLC CST · since 2015-11-25");

    await result.getByRole("button", { name: "Show owners on the canvas" }).click();
    await e2e.page.waitForFunction(
      (id) => (window as unknown as { app: AppHandle }).app.view.cy.getElementById(id).hasClass("path"),
      ZAKHAROV,
      {
        timeout: 15_000,
      },
    );
    const labels = await e2e.page.evaluate(() =>
      (window as unknown as { app: AppHandle }).app.view.cy
        .edges()
        .map((e) => e.data("label") as string)
        .sort(),
    );
    expect(labels).toContain("owns 51% (2015–)");
    expect(labels).toContain("owns 49% (2016–)");
    await e2e.shot("exposure-02-ownership-llc-cst");

    // As of a past date the records conflict (201%): the verdict says so instead of summing them.
    await e2e.page.locator("#exposure-date").fill("2022-06-01");
    await e2e.page.getByRole("button", { name: "Check ownership" }).click();
    await result.locator('[data-verdict="UNDETERMINED"]').waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain("records add up to more than 100%");
    expect(await result.textContent()).toContain("48–51%");
    await e2e.shot("exposure-03-ownership-2022");
    expect(e2e.pageErrors).toEqual([]);
  });
});
