import { describe, expect, it } from "vitest";
import { asOfDay, isValidDay } from "../../server/history/dates.ts";
import { contentHash, snapshotDate } from "../../server/history/snapshot.ts";
import { buildTimeline } from "../../server/history/timeline.ts";

const content = (name: string, remarks: string | null = null) => {
  const fields = [name, null, "SDGT", null, null, null, null, null, null, null, remarks];
  return { hash: contentHash(fields), fields };
};

describe("a record's timeline", () => {
  const dates = ["2021-01-01", "2021-02-01", "2021-03-01", "2021-04-01", "2021-05-01"];
  const a = content("ACME", "Linked To: BETA.");
  const renamed = content("ACME LTD", "Linked To: BETA.");

  it("derives versions, dated events and listing periods from the content on each snapshot date", () => {
    const t = buildTimeline(dates, [undefined, a, renamed, undefined, renamed], (c) => (c.fields[10]?.includes("BETA") ? ["BETA"] : []));
    expect(t.changes.map((c) => [c.date, c.kind])).toEqual([
      ["2021-02-01", "ADDED"],
      ["2021-03-01", "AMENDED"],
      ["2021-04-01", "REMOVED"],
      ["2021-05-01", "ADDED"],
    ]);
    expect(t.changes[1].fields).toEqual([{ field: "name", old: "ACME", new: "ACME LTD" }]);
    expect(t.versions.map((v) => [v.from, v.to, v.fields[0]])).toEqual([
      ["2021-02-01", "2021-03-01", "ACME"],
      ["2021-03-01", "2021-04-01", "ACME LTD"],
      ["2021-05-01", null, "ACME LTD"],
    ]);
    expect(t.periods).toEqual([
      { from: "2021-02-01", to: "2021-04-01" },
      { from: "2021-05-01", to: null },
    ]);
    expect(t.links.get("BETA")).toEqual(t.periods);
  });

  it("counts the records of a dataset's first snapshot as added on its date", () => {
    expect(buildTimeline(["2021-01-01"], [a]).changes).toEqual([{ date: "2021-01-01", kind: "ADDED", fields: [] }]);
  });
});

describe("history dates", () => {
  it("accepts real days and partial dates, refuses impossible ones", () => {
    expect(isValidDay("2024-02-29")).toBe(true);
    expect(isValidDay("2023-02-29")).toBe(false);
    expect(asOfDay("2022")).toBe("2022-01-01");
    expect(asOfDay("2022-03")).toBe("2022-03-01");
    expect(asOfDay("2024-13-45")).toBeUndefined();
    expect(asOfDay("yesterday")).toBeUndefined();
  });

  it("takes a snapshot's date from --as-of or the file name, else refuses", () => {
    expect(snapshotDate("/x/sdn_2024-05-03.csv")).toBe("2024-05-03");
    expect(snapshotDate("/x/sdn.csv", "2024-05-03")).toBe("2024-05-03");
    expect(() => snapshotDate("/x/sdn.csv")).toThrow(/sdn\.csv: no snapshot date.*--as-of/);
    expect(() => snapshotDate("/x/sdn.csv", "2024-13-45")).toThrow(/--as-of "2024-13-45" is not a date/);
  });
});
