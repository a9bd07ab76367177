import { describe, expect, it } from "vitest";
import { keysQuery, nameKeys } from "../../../server/matching/keys.ts";
import { BEST_INEXACT, bestName, nameSimilarity } from "../../../server/matching/names.ts";
import { plainForm, tokenise, transliterate } from "../../../server/matching/normalise.ts";
import { scoreCandidate, WEIGHTS } from "../../../server/matching/score.ts";
import { rankSearch } from "../../../server/matching/search.ts";

describe("normalisation", () => {
  it("drops case, accents, punctuation and word order", () => {
    expect(plainForm("KIM, Yong Chol")).toBe(plainForm("kim yong-chol"));
    expect(plainForm("Ṣāliḥ O'Brien")).toBe("obrien salih");
  });

  it("transliterates Cyrillic, Arabic, Hangul and Han, one token per syllable for the last two", () => {
    expect(transliterate("Путин")).toBe("Putin");
    expect(tokenise("김용철").map((t) => t.text)).toEqual(["kim", "yong", "chol"]);
    expect(tokenise("习近平").map((t) => t.text)).toEqual(["xi", "jin", "ping"]);
    expect(tokenise("محمد").map((t) => t.text)).toEqual(["muhammad"]);
  });

  it("brings romanisation variants to one spelling", () => {
    const canonical = (name: string) => tokenise(name).map((t) => t.text);
    for (const surname of ["Ri", "Lee", "Yi", "Rhee"]) expect(canonical(surname)).toEqual(["li"]);
    expect(canonical("Gim Gyeong Cheol")).toEqual(canonical("Kim Kyong Chol"));
    expect(canonical("Park")).toEqual(canonical("Pak"));
    expect(canonical("Alexander Dmitriy")).toEqual(canonical("Aleksandr Dmitry"));
    expect(canonical("Mohammed Abdulrahman")).toEqual(canonical("Muhammad Abd Rahman"));
  });

  it("recognises legal forms in English and Russian and gives them little weight", () => {
    const tokens = tokenise("Limited Liability Company Zala Aero");
    expect(tokens.map((t) => t.text)).toEqual(["llc", "zala", "aero"]);
    expect(tokens[0].weight).toBeLessThan(tokens[1].weight);
    expect(tokenise("OOO Zala Aero")[0].text).toBe("llc");
    expect(tokenise("Joint Stock Company Concern Kalashnikov")[0].text).toBe("jsc");
  });
});

describe("name similarity", () => {
  it("scores the same written name 1 and a variant at most 0.99", () => {
    expect(nameSimilarity("Kim Yong Chol", "KIM, Yong Chol")).toBe(1);
    expect(nameSimilarity("Gim Yong Cheol", "KIM, Yong Chol")).toBe(BEST_INEXACT);
    expect(nameSimilarity("Lee Su Yong", "RI, Su Yong")).toBe(BEST_INEXACT);
  });

  it("matches joined and hyphenated syllables, typos and legal forms", () => {
    expect(nameSimilarity("son kyongsik", "SON, Kyong Sik")).toBeGreaterThan(0.95);
    expect(nameSimilarity("Son Kyong-sik", "SON, Kyong Sik")).toBe(1);
    expect(nameSimilarity("osong shiping", "KOREA OSONG SHIPPING CORPORATION")).toBeGreaterThan(0.7);
    expect(nameSimilarity("Zala Aero LLC", "LIMITED LIABILITY COMPANY ZALA AERO")).toBeGreaterThan(0.95);
    expect(nameSimilarity("Путин", "PUTIN, Vladimir Vladimirovich")).toBeGreaterThan(0.5);
    expect(nameSimilarity("محمد بن سلمان", "Mohammed bin Salman")).toBeGreaterThan(0.9);
  });

  it("ranks an exact alias above a longer name containing it", () => {
    expect(nameSimilarity("Bureau 53", "BUREAU 53")).toBeGreaterThan(nameSimilarity("Bureau 53", "TECHNICAL RECONNAISSANCE BUREAU"));
    expect(nameSimilarity("IRGC", "IRGC")).toBeGreaterThan(nameSimilarity("IRGC", "IRGC-QF"));
    expect(bestName("chonsurim", ["CHONSURIM TRADING CORPORATION", "Chonsurim"])).toEqual({ name: "Chonsurim", score: 1 });
  });

  it("reads a doubled letter as one: romanisations write a doubled consonant or not", () => {
    // "habbo" is two edits from "hebo", but "habo" only one.
    expect(nameSimilarity("Mohammad Ali Al Habbo", "AL-HEBO, Muhamad Ali")).toBeGreaterThan(0.9);
    expect(nameSimilarity("Abbas", "Abas")).toBe(BEST_INEXACT);
    // Collapsing doubles never stretches the edit budget: "damaso" is still not "darrassa".
    expect(nameSimilarity("Damaso", "Darrassa")).toBe(0);
  });

  it("gives unrelated names nothing and numbers no fuzziness", () => {
    expect(nameSimilarity("John Smith", "KIM Yong Chol")).toBe(0);
    expect(nameSimilarity("Bureau 53", "Bureau 54")).toBeLessThan(0.6);
  });
});

describe("match keys", () => {
  it("index joined syllables and phonetic keys; queries carry only [a-z0-9] terms", () => {
    const keys = nameKeys(["SON, Kyong Sik"]);
    expect(keys.matchTokens[0].split(" ")).toEqual(expect.arrayContaining(["son", "kyong", "sik", "kyongsik"]));
    expect(keys.matchPhonetic[0]).toBeTruthy();
    const query = keysQuery('chonsurim AND "(* OR name:x~') as string;
    expect(query).toMatch(/^[a-zA-Z0-9~^().: ]+$/); // field names, terms, fuzziness and boosts only
    expect(query).not.toContain("*");
    expect(keysQuery(" -- ")).toBeNull();
  });
});

describe("dates of birth", () => {
  const person = { id: "p", schema: "Person", name: "ASHRAF, Haji Muhammad", birthDate: ["1955-03-01"] };
  const birth = (birthDate: string, birthDates = ["1955-03-01"]) =>
    scoreCandidate({ name: "Haji Muhammad Ashraf", birthDate }, { ...person, birthDate: birthDates }).features.find(
      (f) => f.name === "birthDate",
    );

  it("agree at the coarser precision, are near within a year, conflict otherwise", () => {
    expect(birth("1955")?.contribution).toBe(WEIGHTS.birthDateAgrees);
    expect(birth("1956-01-01")?.contribution).toBe(WEIGHTS.birthDateNear);
    expect(birth("1962")).toMatchObject({ contribution: WEIGHTS.birthDateConflicts, value: "1962 conflicts with 1955-03-01" });
  });

  it("full dates one digit apart are a clerical variant: lowered a little, not a conflict; years are not", () => {
    expect(birth("1965-03-01")).toMatchObject({ contribution: WEIGHTS.birthDateNear, value: expect.stringMatching(/one digit/) });
    expect(birth("1965-03-02")?.contribution).toBe(WEIGHTS.birthDateConflicts); // two digits
    expect(birth("1965", ["1955"])?.contribution).toBe(WEIGHTS.birthDateConflicts); // any year of the decade
  });
});

describe("search order", () => {
  const hit = (id: string, name: string, aliases: string[] = []) => ({ entity: { id, schema: "Organization", name, aliases }, sameAs: [] });
  const eu = hit("NK-2PacmNpiLUmoz4XD2mSt7A", "IRGC", ["Iranian Revolutionary Guard Corps"]);
  const ofac = hit("ofac-10391", "ISLAMIC REVOLUTIONARY GUARD CORPS", ["IRGC", "REVOLUTIONARY GUARDS"]);

  it("breaks a tie between exact matches by own name before alias, whatever the index returned first", () => {
    for (const hits of [
      [eu, ofac],
      [ofac, eu],
    ]) {
      const rows = rankSearch("IRGC", hits);
      expect(rows.map((r) => [r.entity.id, r.score, r.matchedName])).toEqual([
        ["NK-2PacmNpiLUmoz4XD2mSt7A", 1, "IRGC"],
        ["ofac-10391", 1, "IRGC"],
      ]);
    }
  });

  it("breaks a tie between two own names by id", () => {
    const rows = rankSearch("Ministry of State Security", [
      hit("ofac-25437", "MINISTRY OF STATE SECURITY"),
      hit("ofac-20129", "MINISTRY OF STATE SECURITY"),
    ]);
    expect(rows.map((r) => r.entity.id)).toEqual(["ofac-20129", "ofac-25437"]);
  });
});
