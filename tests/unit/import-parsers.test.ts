import { describe, expect, it } from "vitest";
import { addValue, EntityBuilder } from "../../server/import/entity-builder.ts";
import { documentValues, wholeName } from "../../server/import/formats/ofac/advanced-xml.ts";
import { csvSource, fullRemarks, recordItems, splitPrograms } from "../../server/import/formats/ofac/csv-record.ts";
import { clauses, linkNameVariants, parseRemarks } from "../../server/import/formats/ofac/remarks.ts";
import type { CsvRow } from "../../server/import/readers/csv.ts";
import type { ImportItem } from "../../server/import/types.ts";
import { countryCode } from "../../server/model/countries.ts";
import { dateFromFileName, isoDate, isoDates } from "../../server/model/dates.ts";

// The importers' pure parts on inline strings: no files, no Neo4j.

/** An OFAC CSV row as readOfacCsv gives it (`-0-` already undefined). */
const row = (fields: (string | undefined)[], line = 1): CsvRow => ({ fields, raw: fields.map((f) => f ?? "-0-").join(","), line });

describe("dates", () => {
  it("isoDate reads OFAC's and the UN's forms, partial where the text is", () => {
    expect(isoDate("20 Apr 1959")).toBe("1959-04-20");
    expect(isoDate("5 September 1962")).toBe("1962-09-05");
    expect(isoDate("Apr 1959")).toBe("1959-04");
    expect(isoDate("1959")).toBe("1959");
    expect(isoDate("circa 1951.")).toBe("1951");
    expect(isoDate("1944-10-13")).toBe("1944-10-13");
    expect(isoDate("1944-10-13T00:00:00")).toBe("1944-10-13");
    expect(isoDate("13/10/1944")).toBe("1944-10-13");
    expect(isoDate("Ramadan 1960")).toBeUndefined();
    expect(isoDate("32 Foo 1960")).toBeUndefined();
    expect(isoDate(undefined)).toBeUndefined();
  });

  it("isoDates reads a range as its two ends; dateFromFileName finds a date in the name only", () => {
    expect(isoDates("1959 to 1962")).toEqual(["1959", "1962"]);
    expect(isoDates("Apr 1959")).toEqual(["1959-04"]);
    expect(isoDates("circa 1960s")).toEqual([]);
    expect(dateFromFileName("/data/2024-05-03/sdn.csv")).toBeUndefined();
    expect(dateFromFileName("/data/sdn_2024-05-03.csv")).toBe("2024-05-03");
    expect(dateFromFileName("add_2025-12.csv")).toBe("2025-12");
  });
});

describe("countryCode", () => {
  it("names, inverted names and regions to FtM codes; a code is not a name", () => {
    expect(countryCode("Korea, North")).toBe("kp");
    expect(countryCode("Iran")).toBe("ir");
    expect(countryCode("Burma")).toBe("mm");
    expect(countryCode("Man, Isle of")).toBe("im");
    expect(countryCode("Yugoslavia")).toBe("yucs");
    expect(countryCode("Region: Crimea")).toBe("ua");
    expect(countryCode("na")).toBeUndefined(); // the UN's "not available", not Namibia
    expect(countryCode(undefined)).toBeUndefined();
  });
});

describe("OFAC remarks", () => {
  it("splits clauses on '; ' and keeps quoted names whole", () => {
    expect(clauses("DOB 1959; a.k.a. 'BUREAU 53';  POB Pyongyang")).toEqual(["DOB 1959", "a.k.a. 'BUREAU 53'", "POB Pyongyang"]);
    expect(clauses("")).toEqual([]);
  });

  it("turns labelled clauses into FtM properties and keeps the rest in notes", () => {
    const { properties, linkedTo } = parseRemarks(
      "DOB 20 Apr 1959; POB Pyongyang, North Korea; nationality Korea, North; alt. Passport 390220044 (Korea, North) expires 12 May 2025; " +
        "a.k.a. 'BUREAU 53'; f.k.a. OLD NAME; Gender Male; Vessel Registration Identification IMO 9187629; Something odd; " +
        "Linked To: KOREA OSONG SHIPPING CORPORATION.",
    );
    expect(properties).toEqual({
      birthDate: ["1959-04-20"],
      birthPlace: ["Pyongyang, North Korea"],
      nationality: ["kp"],
      passportNumber: ["390220044"],
      alias: ["BUREAU 53"],
      previousName: ["OLD NAME"],
      gender: ["male"],
      imoNumber: ["9187629"],
      notes: ["Something odd"],
    });
    expect(linkedTo).toEqual(["KOREA OSONG SHIPPING CORPORATION."]);
  });

  it("reads date ranges, numbers with their country, and a phone label as a label; unreadable dates go to notes", () => {
    const { properties } = parseRemarks("DOB circa 1960s; DOB 1959 to 1962; Tax ID No. 123456 (Russia); Telephone No. 0096 1234; DOB 1959");
    expect(properties).toEqual({
      notes: ["DOB circa 1960s"],
      birthDate: ["1959", "1962"],
      taxNumber: ["123456"],
      phone: ["0096 1234"],
    });
    expect(parseRemarks(undefined)).toEqual({ properties: {}, linkedTo: [] });
  });

  it("a Linked To name may end with the remarks' full stop", () => {
    expect(linkNameVariants("KOREA OSONG SHIPPING CO.")).toEqual(["KOREA OSONG SHIPPING CO.", "KOREA OSONG SHIPPING CO"]);
    expect(linkNameVariants("BUREAU 39")).toEqual(["BUREAU 39"]);
  });
});

describe("OFAC CSV record", () => {
  it("splits the program field", () => {
    expect(splitPrograms("[DPRK3] [DPRK4]")).toEqual(["DPRK3", "DPRK4"]);
    expect(splitPrograms("DPRK2")).toEqual(["DPRK2"]);
    expect(splitPrograms(undefined)).toEqual([]);
  });

  it("continues remarks cut at 1,000 characters from sdn_comments.csv, and only then", () => {
    const cut = "x".repeat(1000);
    expect(fullRemarks(row(["1", ...Array(10).fill(undefined), cut]), [row(["1", "yz"])])).toBe(`${cut}yz`);
    expect(fullRemarks(row(["1", ...Array(10).fill(undefined), "short"]), [row(["1", "yz"])])).toBe("short");
  });

  it("builds a vessel's sources, entity and one sanction per program from its rows", () => {
    const sdn = row([
      "7",
      "OCEAN STAR",
      "vessel",
      "[DPRK3] [DPRK4]",
      undefined,
      "HMXX",
      "Cargo",
      "1000",
      "2000",
      "Korea, North",
      "Owner Co",
      "Vessel Registration Identification IMO 9187629; Linked To: OWNER CO.",
    ]);
    const alt = [row(["7", "1", "fka", "OLD STAR", undefined]), row(["7", "2", "aka", "STAR", "weak"])];
    const add = [row(["7", "1", "Street 1", "Nampo", "Korea, North", undefined])];
    const source = (kind: string, title: string, _file: string, rows: CsvRow[]) => csvSource(kind, title, "7", rows, "2024-05-03");
    let extended = 0;
    const items: ImportItem[] = [...recordItems({ row: sdn, alt, add, comments: [] }, source, () => extended++)];
    expect(items.map((i) => i.kind)).toEqual(["source", "source", "source", "entity", "sanction", "sanction"]);
    expect(extended).toBe(0);
    const entity = items.find((i) => i.kind === "entity")?.record as {
      id: string;
      schema: string;
      properties: Record<string, string[]>;
      sourceIds: string[];
    };
    expect(entity.id).toBe("ofac-7");
    expect(entity.schema).toBe("Vessel");
    expect(entity.sourceIds).toEqual(["ofac-sdn-7", "ofac-alt-7", "ofac-add-7"]);
    expect(entity.properties).toMatchObject({
      name: ["OCEAN STAR"],
      callSign: ["HMXX"],
      flag: ["kp"],
      previousName: ["OLD STAR"],
      alias: ["STAR"],
      address: ["Street 1, Nampo, Korea, North"],
      country: ["kp"],
      program: ["DPRK3", "DPRK4"],
      imoNumber: ["IMO9187629"],
    });
    expect(entity.properties.notes).toEqual(["Vessel owner Owner Co", "STAR: weak"]);
    const sanctions = items.filter((i) => i.kind === "sanction").map((i) => i.record as { id: string; sourceIds: string[] });
    expect(sanctions.map((s) => s.id)).toEqual(["ofac-sanction-7-DPRK3", "ofac-sanction-7-DPRK4"]);
    expect(sanctions.every((s) => s.sourceIds.join() === "ofac-sdn-7")).toBe(true);
    const sdnSource = items[0].record as { date: string; excerpt: string };
    expect(sdnSource).toMatchObject({ date: "2024-05-03", excerpt: sdn.raw });
  });
});

describe("OFAC advanced XML names and documents", () => {
  it("makes one name of the parts: an entity's name, else 'Last, Given Middle Patronymic'", () => {
    expect(wholeName({ "Entity Name": ["KOREA", "OSONG"] })).toBe("KOREA OSONG");
    expect(wholeName({ "Last Name": ["KIM"], "First Name": ["Yong"], "Middle Name": ["Chol"] })).toBe("KIM, Yong Chol");
    expect(wholeName({ "Last Name": ["KIM"] })).toBe("KIM");
    expect(wholeName({ "First Name": ["Yong"] })).toBe("Yong");
    expect(wholeName({ Nickname: ["The Fox"] })).toBe("The Fox");
  });

  it("reads a document the way the remarks are read; a vessel's identification number is its IMO number", () => {
    const person = new EntityBuilder("p", "Person", []);
    documentValues({ type: "Passport", number: "390220044", country: "kp" }, person);
    documentValues({ type: "Unknown Card", number: "X-1" }, person);
    expect(person.properties).toEqual({ passportNumber: ["390220044"], country: ["kp"], idNumber: ["X-1"] });
    const vessel = new EntityBuilder("v", "Vessel", []);
    documentValues({ type: "Identification Number", number: "IMO 9187629" }, vessel);
    expect(vessel.properties).toEqual({ imoNumber: ["9187629"] });
  });
});

describe("EntityBuilder", () => {
  it("adds trimmed values once, skips blanks, and yields sources, the cleaned entity and its sanctions in order", () => {
    const props: Record<string, string[]> = {};
    addValue(props, "alias", " A ");
    addValue(props, "alias", "A");
    addValue(props, "alias", "  ");
    addValue(props, "alias", undefined);
    expect(props).toEqual({ alias: ["A"] });

    const entity = new EntityBuilder("e1", "Organization", ["d"]);
    entity.merge({ website: ["example.org"] });
    entity.add("name", "Some  Trading");
    entity.source({ id: "s1", publisher: "P", title: "T" });
    entity.sanction({ id: "x1", authority: "A", sourceIds: ["s1"] });
    const items = [...entity.items({ referents: ["old-e1"] })];
    expect(items.map((i) => i.kind)).toEqual(["source", "entity", "sanction"]);
    expect(items[1].record).toMatchObject({
      id: "e1",
      sourceIds: ["s1"],
      datasets: ["d"],
      referents: ["old-e1"],
      properties: { name: ["Some Trading"], website: ["http://example.org/"] },
    });
    expect(items[2].record).toMatchObject({ id: "x1", entityId: "e1" });
  });
});
