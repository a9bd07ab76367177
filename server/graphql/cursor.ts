import { badInput } from "./errors.ts";

/** Opaque cursors over a stable ordering: the position after an item. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

export function decodeCursor(argument: string, cursor: string | null | undefined): number {
  if (cursor == null) return 0;
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) throw badInput(argument, "is not a cursor this API returned.");
  return Number(match[1]);
}
