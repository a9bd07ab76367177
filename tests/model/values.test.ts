import { describe, expect, it } from "vitest";
import { parseRemarks } from "../../server/import/formats/ofac/remarks.ts";
import { cleanImo, cleanPhone, cleanValues, isLei } from "../../server/model/values.ts";

describe("FtM value types the list importers produce", () => {
  it("phone numbers: E.164, read with the party's countries, or nothing", () => {
    expect(cleanPhone("No. 009613679153")).toBe("+9613679153");
    expect(cleanPhone("982188526300")).toBe("+982188526300");
    expect(cleanPhone("(218) (0)214778301")).toBe("+218214778301");
    expect(cleanPhone("03889402", ["lb"])).toBe("+9613889402");
    expect(cleanPhone("12")).toBeUndefined();
  });

  it("IMO numbers: IMO plus seven digits with a ship or company check digit", () => {
    expect(cleanImo("9187629")).toBe("IMO9187629");
    expect(cleanImo("IMO 5880302")).toBe("IMO5880302");
    expect(cleanImo("9187628")).toBeUndefined();
    expect(cleanImo("12345")).toBeUndefined();
  });

  it("LEIs: 20 characters passing the ISO 7064 check", () => {
    expect(isLei("5493001KJTIIGC8Y1R12")).toBe(true);
    expect(isLei("5493001KJTIIGC8Y1R13")).toBe(false);
    expect(isLei("1234567")).toBe(false);
  });

  it("moves what is no such value elsewhere instead of dropping it", () => {
    const props: Record<string, string[]> = {
      country: ["lb"],
      phone: ["03889402", "not a number"],
      imoNumber: ["9187629", "1234568"],
      leiCode: ["549300ABCDEF"],
    };
    cleanValues(props);
    expect(props.phone).toEqual(["+9613889402"]);
    expect(props.imoNumber).toEqual(["IMO9187629"]);
    expect(props.leiCode).toBeUndefined();
    expect(props.idNumber).toEqual(["549300ABCDEF"]);
    expect(props.notes).toEqual(expect.arrayContaining(["Phone not a number", "IMO number 1234568"]));
  });

  it("OFAC remarks: 'Telephone No.' is a label, and a date FtM cannot read goes to notes, not birthDate", () => {
    const { properties } = parseRemarks("DOB circa 1960s; Telephone No. 009613679153; DOB 20 Apr 1959.");
    expect(properties.birthDate).toEqual(["1959-04-20"]);
    expect(properties.notes).toEqual(["DOB circa 1960s"]);
    expect(properties.phone).toEqual(["009613679153"]);
  });
});
