/**
 * Unresolved and ambiguous mentions in the client's details panel: real OFAC SDN rows (BASOV, who is "Linked To:
 * MINISTRY OF STATE SECURITY", the two ministries of that name, and DEMIR, linked to a party on no record), taken
 * from the shared 2024 file at run time and imported beside the seed; the built client in Debian's Chromium.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importFiles } from "../../server/import/index.ts";
import { realData, tempFile } from "../import/helpers.ts";
import { browserTest } from "./support/session.ts";

const ROWS = ["20129", "25436", "25437", "27018"];

const e2e = browserTest({
  prepare: async (graph) => {
    const sdn = readFileSync(realData("ofac", "sdn_2024-05-03.csv"), "utf8")
      .split(/\r?\n/)
      .filter((line) => ROWS.includes(line.split(",")[0]));
    expect(sdn).toHaveLength(ROWS.length);
    await importFiles(graph, "ofac-csv", [tempFile("sdn.csv", `${sdn.join("\n")}\n`)]);
  },
});

describe("named parties we could not resolve, in the details panel", () => {
  it("shows the ambiguous link with its candidates and source, and opens a candidate", async () => {
    await e2e.page.goto(`${e2e.server.baseUrl}/#e=ofac-25436&sel=ofac-25436`);
    const mentions = e2e.page.getByTestId("mentions");
    await mentions.waitFor();
    const item = mentions.locator(".mention");
    expect(await item.count()).toBe(1);
    const text = (await item.textContent()) ?? "";
    expect(text).toContain("This record names MINISTRY OF STATE SECURITY (Linked To), a party we could not resolve");
    expect(text).toContain("Candidates (2)");
    expect(text).toContain("record 25436");
    expect(text).toContain("Linked To: MINISTRY OF STATE SECURITY");
    const candidates = item.locator(".candidates button");
    expect((await candidates.allTextContents()).sort()).toEqual([
      "MINISTRY OF STATE SECURITY (ofac-20129)",
      "MINISTRY OF STATE SECURITY (ofac-25437)",
    ]);

    await candidates.filter({ hasText: "ofac-20129" }).click();
    // The candidate joins the canvas and its details name the record that may mean it.
    await e2e.page.locator('.entity-details[data-entity-id="ofac-20129"]').waitFor();
    const candidateIn = e2e.page.getByTestId("candidate-in");
    expect(await candidateIn.textContent()).toContain(
      "BASOV, Aleksandr Vasilevich (ofac-25436) names MINISTRY OF STATE SECURITY (Linked To); this entity is one of 2 candidates",
    );
    const onCanvas = await e2e.page.evaluate(() =>
      [...(window as unknown as { app: { model: { entities: Map<string, unknown> } } }).app.model.entities.keys()].sort(),
    );
    expect(onCanvas).toEqual(["ofac-20129", "ofac-25436"]);
  });

  it("shows an unresolved name as matching no record, with its source", async () => {
    await e2e.page.goto(`${e2e.server.baseUrl}/#e=ofac-27018&sel=ofac-27018`);
    await e2e.page.locator('.entity-details[data-entity-id="ofac-27018"]').waitFor();
    const text = (await e2e.page.getByTestId("mentions").textContent()) ?? "";
    expect(text).toContain("This record names PRESIDENCY OF DEFENSE INDUSTRIES (Linked To), a party we could not resolve");
    expect(text).toContain("no record we hold carries this name");
    expect(text).toContain("record 27018");
  });
});
