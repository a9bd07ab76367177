/**
 * The "as of" date control, delisted/ended styling, the entity timeline and the "what changed" view, end to end:
 * the built client served by the real API on the real Neo4j holding the seed plus the last two snapshots of the
 * real OFAC extract (tests/fixtures/ofac-history), in Debian's headless Chromium.
 * EMPEROR AVIATION LTD (ofac-38556) and its aircraft 9H-AMN (ofac-38557) were delisted on 2024-05-03; both were
 * linked to KERIMOVA, Gulnara (ofac-38279), who stays listed.
 */
import { describe, expect, it } from "vitest";
import { replay } from "../../server/history/replay.ts";
import { fixture } from "../import/helpers.ts";
import { type AppHandle, browserTest } from "./support/session.ts";

const EMPEROR = "ofac-38556";
const AIRCRAFT = "ofac-38557";
const KERIMOVA = "ofac-38279";
const VIEW = `e=${AIRCRAFT},${EMPEROR},${KERIMOVA}`;

/** The canvas once a view has loaded: relationships drawn, and which entities and edges look past. */
async function canvas() {
  await e2e.page.waitForFunction(() => !document.querySelector(".loading-indicator:not([hidden])"));
  return e2e.page.evaluate(() => {
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
  await e2e.page.waitForFunction(
    (count) => ((window as unknown as { app?: AppHandle }).app?.view.cy.nodes(".entity").length ?? 0) >= count,
    n,
  );
}

const e2e = browserTest({
  prepare: (graph) => replay(graph, [fixture("ofac-history", "sdn_2024-05-02.csv"), fixture("ofac-history", "sdn_2024-05-03.csv")]),
  setupTimeoutMs: 900_000,
});

describe("as of a day", () => {
  it("today: the delisted entities and their ended links are drawn as past, with legend entries", async () => {
    await e2e.page.goto(`${e2e.server.baseUrl}/#${VIEW}`);
    await waitForEntities(3);
    const now = await canvas();
    expect(now.entities).toEqual([KERIMOVA, EMPEROR, AIRCRAFT].sort());
    expect(now.relationships).toBe(2);
    expect(now.ended).toBe(2);
    expect(now.delisted).toEqual([EMPEROR, AIRCRAFT].sort());
    expect(now.sanctioned).toEqual([KERIMOVA]);
    expect(await e2e.page.locator('[data-legend="delisted"]').textContent()).toBe("2");
    expect(await e2e.page.locator('[data-legend="ended"]').textContent()).toBe("2");
    expect(await e2e.page.locator(".legend").textContent()).toContain("Delisted");
    await e2e.shot("as-of-01-now");
  }, 600_000);

  it("the date field redraws the view as of that day and keeps it in the URL", async () => {
    await e2e.page.locator("#as-of-date").fill("2024-05-02");
    await e2e.page.waitForFunction(() => location.hash.includes("at=2024-05-02"));
    await e2e.page.waitForFunction(() => (window as unknown as { app: AppHandle }).app.view.cy.nodes(".sanctioned").length === 3);
    const before = await canvas();
    expect(before.relationships).toBe(2);
    expect(before.ended).toBe(0);
    expect(before.delisted).toEqual([]);
    await e2e.shot("as-of-02-2024-05-02");
    // The slider sits on that day; a reload of the link opens the same view.
    await e2e.page.reload();
    await waitForEntities(3);
    await e2e.page.waitForFunction(() => (window as unknown as { app: AppHandle }).app.view.cy.edges(".relationship").length === 2);
    expect(await e2e.page.locator("#as-of-date").inputValue()).toBe("2024-05-02");
  }, 600_000);

  it("a day after the delisting: the links are gone and nothing from the list looks current", async () => {
    await e2e.page.goto(`${e2e.server.baseUrl}/#${VIEW}&at=2024-05-03`);
    await waitForEntities(3);
    await e2e.page.waitForFunction(() => (window as unknown as { app: AppHandle }).app.view.cy.nodes(".delisted").length === 2);
    const after = await canvas();
    expect(after.relationships).toBe(0);
    expect(after.delisted).toEqual([EMPEROR, AIRCRAFT].sort());
    // "Now" goes back to today's graph.
    await e2e.page.locator("#as-of-now").click();
    await e2e.page.waitForFunction(() => !location.hash.includes("at="));
    await e2e.page.waitForFunction(() => (window as unknown as { app: AppHandle }).app.view.cy.edges(".ended").length === 2);
  }, 600_000);

  it("the details panel shows an entity's timeline", async () => {
    // The view with EMPEROR AVIATION selected (the link the Share button gives), which opens its details.
    await e2e.page.goto(`${e2e.server.baseUrl}/#${VIEW}&sel=${EMPEROR}`);
    await waitForEntities(3);
    const timeline = e2e.page.locator(".timeline-section");
    await timeline.locator(".timeline.changes li").first().waitFor();
    const text = await timeline.textContent();
    expect(text).toContain("listed from 2024-05-02 to 2024-05-03 (delisted)");
    expect(text).toContain("2024-05-03 Delisted");
    expect(text).toContain("2024-05-02 Listed");
  }, 600_000);

  it("what changed: the records that differ between two snapshots, which can be put on the canvas", async () => {
    await e2e.page.getByRole("tab", { name: "What changed" }).click();
    await e2e.page.locator("#changes-from").fill("2024-05-02");
    await e2e.page.locator("#changes-to").fill("2024-05-03");
    await e2e.page.locator("#changes-run").click();
    const total = e2e.page.locator(".changes-total");
    await total.waitFor();
    // The extract holds 8 of the records delisted on 2024-05-03 (Emperor Aviation and its aircraft), nothing else.
    const rows = e2e.page.locator(".changes-list li");
    expect(await total.textContent()).toBe(`${await rows.count()} changes`);
    expect(await rows.count()).toBeGreaterThan(1);
    expect(await rows.first().textContent()).toContain("2024-05-03 removed");
    await e2e.page.locator("#changes-add-all").click();
    await e2e.page.waitForFunction((n) => (window as unknown as { app: AppHandle }).app.view.cy.nodes(".entity").length >= n, 4);
    await e2e.shot("as-of-03-changes");
    expect(e2e.pageErrors).toEqual([]);
  }, 600_000);
});
