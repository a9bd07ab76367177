import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readOfacCsv } from "../../server/import/readers/csv.ts";
import { readFtm } from "../../server/import/readers/ftm-lines.ts";
import { xmlRecords } from "../../server/import/readers/xml.ts";
import { ImportInputError } from "../../server/import/types.ts";
import { realData, tempFile } from "./helpers.ts";

// Encodings of list files (issue 15): UTF-8 with or without a BOM and UTF-16 with a BOM are read alike (UTF-16 files,
// one a well-formed XML document, were rejected without naming the encoding); anything else names the encoding.
const head = (file: string, lines: number) => `${readFileSync(file, "utf8").split("\n").slice(0, lines).join("\n")}\n`;
const CSV = head(realData("ofac", "sdn_2026_excerpt_dprk.csv"), 5);
const FTM = head(realData("opensanctions-ftm", "zala_entities.ftm.json"), 5);
const XML = `<?xml version="1.0" encoding="UTF-16"?>\n<ROOT><A name="Ünïcode">Kim Chŏl</A><A/></ROOT>\n`;

const be16 = (text: string) => Buffer.from(text, "utf16le").swap16();
const ENCODINGS: [string, (text: string) => Buffer][] = [
  ["UTF-8", (t) => Buffer.from(t)],
  ["UTF-8 with a BOM", (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
  ["UTF-16LE with a BOM", (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")])],
  ["UTF-16BE with a BOM", (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), be16(t)])],
];
const REFUSED: [string, (text: string) => Buffer, RegExp][] = [
  ["UTF-16 without a BOM", (t) => Buffer.from(t, "utf16le"), /UTF-16LE without a byte-order mark/],
  ["UTF-32", (t) => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(t)]), /UTF-32LE/],
  ["Latin-1", (t) => Buffer.from(`${t}Ünïcode`, "latin1"), /not valid UTF-8 \(perhaps Latin-1/],
];

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const READERS: [string, string, (file: string) => AsyncIterable<unknown>][] = [
  ["OFAC CSV", CSV, (f) => readOfacCsv(f, 12, "SDN")],
  ["FtM JSON lines", FTM, (f) => readFtm(f)],
  ["XML", XML, (f) => xmlRecords(f, new Set(["A"]))],
];

describe.each(READERS)("%s", (kind, text, read) => {
  it.each(ENCODINGS)("reads %s as it reads UTF-8", async (name, encode) => {
    const expected = await all(read(tempFile(`${kind}-utf8`, Buffer.from(text))));
    expect(expected.length).toBeGreaterThan(0);
    expect(await all(read(tempFile(`${kind}-${name}`, encode(text))))).toEqual(expected);
  });

  it.each(REFUSED)("refuses %s, naming the encoding", async (name, encode, message) => {
    const error = await all(read(tempFile(`${kind}-${name}`, encode(text)))).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(message);
  });
});
