import { describe, expect, it } from "vitest";
import { editDistance, matchedName } from "../../server/graphql/matched-name.ts";

const SON = { name: "SON, Kyong Sik", aliases: ["Son Kyong Sik", "Son Kyong-sik", "Song Kyong Sik"] };
const CHONSURIM = { name: "CHONSURIM TRADING CORPORATION", aliases: ["KOREA CHONSURIM TRADING CORPORATION", "Chonsurim Trading"] };

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent transpositions", () => {
    expect(editDistance("son", "son", 2)).toBe(0);
    expect(editDistance("song", "son", 2)).toBe(1);
    expect(editDistance("shiping", "shipping", 2)).toBe(1);
    expect(editDistance("kyogn", "kyong", 2)).toBe(1);
    expect(editDistance("chonsurim", "chunsurin", 2)).toBe(2);
  });

  it("stops at the limit", () => {
    expect(editDistance("korea", "liaoning", 2)).toBe(3);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
});

describe("matchedName", () => {
  it("prefers the alias the query spells exactly", () => {
    expect(matchedName("Song Kyong Sik", SON.name, SON.aliases)).toBe("Song Kyong Sik");
  });

  it("gives ties to the primary name", () => {
    expect(matchedName("chonsurim", CHONSURIM.name, CHONSURIM.aliases)).toBe("CHONSURIM TRADING CORPORATION");
    expect(matchedName("Son Kyong-sik", SON.name, SON.aliases)).toBe("SON, Kyong Sik");
  });

  it("prefers the name with more of the query's words", () => {
    expect(matchedName("korea chonsurim", CHONSURIM.name, CHONSURIM.aliases)).toBe("KOREA CHONSURIM TRADING CORPORATION");
  });

  it("matches a query word against two of the name's words run together", () => {
    expect(matchedName("son kyongsik", "Kyong", ["Son Kyong Sik"])).toBe("Son Kyong Sik");
  });

  it("needs short words exactly and longer ones within one or two edits", () => {
    expect(matchedName("so", "X", ["son"])).toBe("X");
    expect(matchedName("sonn", "X", ["son"])).toBe("son");
    expect(matchedName("chonsurin", "X", ["Chunsurim"])).toBe("Chunsurim");
  });

  it("falls back to the name when nothing matches or there are no aliases", () => {
    expect(matchedName("liaoning", SON.name, SON.aliases)).toBe("SON, Kyong Sik");
    expect(matchedName("  -- ", "A")).toBe("A");
  });
});
