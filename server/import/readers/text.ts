import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { ImportInputError } from "../types.ts";

/** Byte-order marks of the encodings a list file may come in; only the first three are read. */
const BOMS: { bytes: number[]; encoding: string; readable: boolean }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8", readable: true },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: "UTF-32LE", readable: false },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: "UTF-32BE", readable: false },
  { bytes: [0xff, 0xfe], encoding: "utf-16le", readable: true },
  { bytes: [0xfe, 0xff], encoding: "utf-16be", readable: true },
];

const SAVE_AS = "save it as UTF-8 (or UTF-16 with a byte-order mark)";

/** The encoding of a file from its first bytes: a BOM, or UTF-16 without one (every other byte zero), or UTF-8. */
function sniff(file: string, head: Buffer): { encoding: string; skip: number } {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => head[i] === byte));
  if (bom && !bom.readable) throw new ImportInputError(file, "", `the file is ${bom.encoding}, which is not read; ${SAVE_AS}`);
  if (bom) return { encoding: bom.encoding, skip: bom.bytes.length };
  if (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0)
    throw new ImportInputError(file, "", `the file looks like UTF-16LE without a byte-order mark; ${SAVE_AS}`);
  if (head.length >= 4 && head[0] === 0 && head[2] === 0 && head[1] !== 0)
    throw new ImportInputError(file, "", `the file looks like UTF-16BE without a byte-order mark; ${SAVE_AS}`);
  return { encoding: "utf-8", skip: 0 };
}

async function* decode(file: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let read = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let bytes = chunk;
    if (!decoder) {
      const { encoding, skip } = sniff(file, chunk);
      decoder = new TextDecoder(encoding, { fatal: true });
      bytes = chunk.subarray(skip);
    }
    try {
      yield decoder.decode(bytes, { stream: true });
    } catch {
      throw new ImportInputError(
        file,
        `near byte ${read}`,
        `not valid ${decoder.encoding.toUpperCase()} (perhaps Latin-1 or Windows-1252); ${SAVE_AS}`,
      );
    }
    read += chunk.length;
  }
  const rest = decoder?.decode();
  if (rest) yield rest;
}

/**
 * A list file as text: UTF-8 (with or without a BOM) or UTF-16 with a BOM; anything else is an ImportInputError
 * that names the encoding. The BOM is not part of the text.
 */
export function readText(file: string): Readable {
  return Readable.from(decode(file));
}
