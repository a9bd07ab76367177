import { describe, expect, it } from "vitest";
import { pathSummary, pathText, sourceLabel } from "../../client/src/model/path-text.ts";
import { PATH, source } from "./fixtures.ts";

describe("paths as text", () => {
  it("lists each hop with its direction, role, sentence and sources", () => {
    const hops = pathText(PATH);
    expect(hops).toHaveLength(3);
    expect(hops[0]).toMatchObject({
      fromName: "LIAONING CHINA TRADE INDUSTRY CO., LTD.",
      toName: "DEPARTMENT 53",
      forward: true,
      label: "supplies",
    });
    expect(hops[1]).toMatchObject({
      forward: false,
      role: "front company",
      sentence: "CHONSURIM TRADING CORPORATION is a front company of DEPARTMENT 53 (front company)",
    });
    expect(hops.every((h) => h.sources.length > 0)).toBe(true);
  });

  it("summarises a path on one line with arrows the way the relationships point", () => {
    expect(pathSummary(PATH)).toBe(
      "LIAONING CHINA TRADE INDUSTRY CO., LTD. -[supplies]-> DEPARTMENT 53 <-[is a front company of]- CHONSURIM TRADING CORPORATION <-[is linked to]- JONG, In Chol",
    );
  });

  it("cites a source briefly", () => {
    expect(sourceLabel(source("s", { recordId: "52264" }))).toBe("U.S. Department of the Treasury, record 52264, 2025-01-16");
    expect(sourceLabel(source("s", { date: null, publisher: "Korea JoongAng Daily", title: "US imposes sanctions" }))).toBe(
      "Korea JoongAng Daily: US imposes sanctions",
    );
  });
});
