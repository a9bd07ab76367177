/**
 * FtM first_seen / last_seen / last_change of list records, derived from the list history on export: a replay of
 * five snapshots of the real OFAC extract (tests/fixtures/ofac-history), compared record by record with what a plain
 * reading of the CSV files gives, and judged by followthemoney (scripts/ftm-validate.py).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFtm, type FtmOut } from "../../server/export/ftm.ts";
import { replay } from "../../server/history/replay.ts";
import { fixture } from "../import/helpers.ts";
import { type FtmReport, validateFtm } from "../support/ftm.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { csvChanges } from "./csv-diff.ts";

const dir = fixture("ofac-history");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".csv") && f >= "sdn_2024-04-25" && f < "sdn_2024-05-04")
  .map((f) => join(dir, f))
  .sort();

/** Per record, straight from the files: first and last snapshot that listed it, and when it was last added or amended. */
function expectedSeen(): Map<string, { first_seen: string; last_seen: string; last_change: string }> {
  const out = new Map<string, { first_seen: string; last_seen: string; last_change: string }>();
  const listed = new Set<string>();
  for (const [date, kinds] of Object.entries(csvChanges(files)).sort(([a], [b]) => a.localeCompare(b))) {
    for (const id of kinds.REMOVED) listed.delete(id);
    for (const id of [...kinds.ADDED, ...kinds.AMENDED]) {
      const seen = out.get(id);
      out.set(id, { first_seen: seen?.first_seen ?? date, last_seen: date, last_change: date });
      listed.add(id);
    }
    for (const id of listed) {
      const seen = out.get(id);
      if (seen) seen.last_seen = date;
    }
  }
  const time = (d: string) => `${d}T00:00:00`;
  return new Map(
    [...out].map(([id, s]) => [id, { first_seen: time(s.first_seen), last_seen: time(s.last_seen), last_change: time(s.last_change) }]),
  );
}

describe("FtM first_seen, last_seen and last_change from the list history", () => {
  const graph = testGraph();
  let exported: FtmOut[];
  let report: FtmReport;

  beforeAll(async () => {
    await resetDatabase(graph, { seed: false });
    await replay(graph, files);
    exported = [];
    for await (const entity of exportFtm(graph)) exported.push(entity);
    report = validateFtm(exported.map((e) => JSON.stringify(e)));
  }, 900_000);
  afterAll(() => graph.close());

  it("gives every list record the dates a plain reading of the snapshots gives", () => {
    const expected = expectedSeen();
    const records = exported.filter((e) => /^ofac-\d+$/.test(e.id) && expected.has(e.id.slice(5)));
    expect(records.length).toBe(expected.size);
    for (const e of records) {
      expect({ id: e.id, first_seen: e.first_seen, last_seen: e.last_seen, last_change: e.last_change }).toEqual({
        id: e.id,
        ...expected.get(e.id.slice(5)),
      });
    }
    // EMPEROR AVIATION LTD, delisted on 2024-05-03: last seen in the snapshot before.
    expect(records.find((e) => e.id === "ofac-38556")).toMatchObject({
      first_seen: "2024-04-25T00:00:00",
      last_seen: "2024-05-02T00:00:00",
    });
  });

  it("passes followthemoney's checks, the seen dates included", () => {
    expect(report.entities).toBe(exported.length);
    expect(report.problems.slice(0, 20)).toEqual([]);
  });
});
