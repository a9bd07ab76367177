import { describe, expect, it } from "vitest";
import { luceneQuery } from "../../server/graphql/lucene.ts";

describe("luceneQuery", () => {
  it("makes every word fuzzy and boosts the phrase", () => {
    expect(luceneQuery("Son Kyong-sik")).toBe('((son^3 OR son~1) (kyong^3 OR kyong~1) (sik^3 OR sik~1)) OR "son kyong sik"^6');
  });

  it("allows two edits on long words and none on very short ones", () => {
    expect(luceneQuery("chonsurim")).toBe("((chonsurim^3 OR chonsurim~2))");
    expect(luceneQuery("Co")).toBe("(co)");
  });

  it("drops every Lucene special character, so input cannot change the query's structure", () => {
    const q = luceneQuery('a:b AND (c* OR "d") \\ ~ ^ ! { } [ ] / && ||')!;
    expect(q).not.toMatch(/[:*\\!{}[\]/&|]/);
    expect(q).not.toContain("AND");
  });

  it("returns null when there is nothing to search for", () => {
    expect(luceneQuery("  -- ** ")).toBeNull();
  });
});
