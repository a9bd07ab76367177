import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clauses } from "../../server/import/formats/ofac/remarks.ts";
import { readOfacCsv } from "../../server/import/readers/csv.ts";
import { countryCode, FTM_COUNTRIES } from "../../server/model/countries.ts";
import { propertyType } from "../../server/model/ftm.ts";
import { realData } from "../import/helpers.ts";

/** Every country name the real lists use, with where it was seen. */
async function countryNames(): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const see = (name: string | undefined, where: string) => {
    const v = name?.trim();
    if (v && !names.has(v)) names.set(v, where);
  };
  for (const file of ["sdn_2024-05-03.csv", "sdn_2026_excerpt_dprk.csv"]) {
    for await (const row of readOfacCsv(realData("ofac", file), 12, "sdn.csv")) {
      see(row.fields[9], `${file} line ${row.line}, vessel flag`);
      for (const clause of clauses(row.fields[11] ?? "")) {
        const m =
          /^(?:alt\.\s+)?(?:Nationality of Registration|nationality|citizen|Former Vessel Flag|Other Vessel Flag)\s+(.+?)\.?$/i.exec(
            clause,
          );
        if (m) see(m[1], `${file} line ${row.line}, remarks`);
      }
    }
  }
  for await (const row of readOfacCsv(realData("ofac", "add_2025-12.csv"), 6, "add.csv"))
    see(row.fields[4], `add_2025-12.csv line ${row.line}`);
  const un = readFileSync(realData("un", "UN_consolidated_2026-02-27.xml"), "utf8");
  for (const m of un.matchAll(/<(COUNTRY|COUNTRY_OF_ISSUE|ISSUING_COUNTRY)>([^<]*)</g)) see(m[2], `UN XML <${m[1]}>`);
  for (const m of un.matchAll(/<NATIONALITY>\s*((?:<VALUE>[^<]*<\/VALUE>\s*)+)<\/NATIONALITY>/g))
    for (const v of m[1].matchAll(/<VALUE>([^<]*)</g)) see(v[1], "UN XML <NATIONALITY>");
  return names;
}

/** Values in the data that name no country; the importers keep them as notes. */
const NOT_COUNTRIES = new Set([
  "na",
  "undetermined",
  "None Identified",
  "possibly Palestinian;arrested 23 Apr 2002",
  "Region: Kafia Kingi",
  "Region: Commonwealth of Independent States",
  "Region: Jammu and Kashmir",
]);

describe("country names -> FtM country codes", () => {
  it("maps the names the issue found wrong to current codes", () => {
    expect(countryCode("France")).toBe("fr");
    expect(countryCode("Serbia")).toBe("rs");
    expect(countryCode("Benin")).toBe("bj");
    expect(countryCode("Korea, North")).toBe("kp");
    expect(countryCode("Democratic People's Republic of Korea")).toBe("kp");
    expect(countryCode("Iran (Islamic Republic of)")).toBe("ir");
    expect(countryCode("Türkiye")).toBe("tr");
    expect(countryCode("former Soviet Union")).toBe("suhh");
    expect(countryCode("na")).toBeUndefined();
    expect(countryCode("Atlantis")).toBeUndefined();
  });

  it("maps every country name in the real OFAC and UN files to a code FtM accepts", async () => {
    const names = await countryNames();
    expect(names.size).toBeGreaterThan(150);
    const unmapped = [...names].filter(([name]) => !NOT_COUNTRIES.has(name) && !((countryCode(name) ?? "") in FTM_COUNTRIES));
    expect(unmapped.map(([name, where]) => `${name} (${where})`)).toEqual([]);
    for (const name of NOT_COUNTRIES) expect(names.has(name), name).toBe(true);
  });

  it("finds only codes FtM accepts in the real FtM files", () => {
    for (const file of ["zala_entities.ftm.json", "eu_fsf_sample_entities.ftm.json"]) {
      for (const line of readFileSync(realData("opensanctions-ftm", file), "utf8").split("\n").filter(Boolean)) {
        const e = JSON.parse(line) as { schema: string; properties: Record<string, string[]> };
        for (const [prop, values] of Object.entries(e.properties))
          if (propertyType(e.schema, prop) === "country")
            for (const v of values) expect(FTM_COUNTRIES, `${file} ${prop}`).toHaveProperty(v);
      }
    }
  });
});
