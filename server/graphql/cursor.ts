import { badInput } from "./errors.ts";
import { LIMITS } from "./limits.ts";

/** Opaque cursors over a stable ordering: the position after an item. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

export function decodeCursor(argument: string, cursor: string | null | undefined): number {
  if (cursor == null) return 0;
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  // Range-checked, so a forged cursor is bad input here rather than an integer overflow inside Neo4j.
  const offset = match ? Number(match[1]) : Number.NaN;
  if (!(offset <= LIMITS.maxOffset)) throw badInput(argument, "is not a cursor this API returned.");
  return offset;
}
