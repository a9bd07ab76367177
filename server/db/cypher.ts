import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cypherDir } from "../paths.ts";

const cache = new Map<string, string>();

/** Reads a query file, replacing each `// include: <name>` line with that file (queries that share a tail). */
function load(name: string): string {
  const text = readFileSync(join(cypherDir, `${name}.cypher`), "utf8");
  return text.replace(/^\/\/ include: (\S+)$/gm, (_, part: string) => load(part));
}

/**
 * Loads a query from cypher/<name>.cypher. Everything from a request goes in as a $parameter; the only
 * text ever substituted is a `{{name}}` placeholder for a bound Cypher cannot take as a parameter (a
 * quantifier such as {1,{{maxHops}}} or SHORTEST {{k}}), and only as a whole number the caller has range-checked.
 */
export function cypher(name: string, bounds: Record<string, number> = {}): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = load(name);
    cache.set(name, text);
  }
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = bounds[key];
    if (value === undefined || !Number.isSafeInteger(value) || value < 0) {
      throw new Error(`Query ${name} needs a whole number for {{${key}}}, got ${value}`);
    }
    return String(value);
  });
}

/** Splits a multi-statement file (schema.cypher) into statements, dropping `//` comment lines. */
export function statements(name: string): string[] {
  return cypher(name)
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}
