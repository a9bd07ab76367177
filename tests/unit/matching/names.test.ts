import { describe, expect, it } from "vitest";
import { keysQuery, nameKeys } from "../../../server/matching/keys.ts";
import { BEST_INEXACT, bestName, nameSimilarity } from "../../../server/matching/names.ts";
import { plainForm, tokenise, transliterate } from "../../../server/matching/normalise.ts";

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
