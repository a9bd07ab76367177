import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cypher, statements } from "../../server/db/cypher.ts";
import { cypherDir } from "../../server/paths.ts";

describe("cypher loader", () => {
  it("substitutes range-checked whole numbers into bounds and nothing else", () => {
    expect(cypher("read/shortest-paths", { k: 3, maxHops: 4 })).toContain("SHORTEST 3");
    expect(cypher("read/shortest-paths", { k: 3, maxHops: 4 })).toContain("{1,4}");
    expect(() => cypher("read/shortest-paths", { k: 3 })).toThrow(/maxHops/);
    expect(() => cypher("read/shortest-paths", { k: 1.5, maxHops: 4 })).toThrow(/whole number/);
    expect(() => cypher("read/shortest-paths", { k: -1, maxHops: 4 })).toThrow(/whole number/);
  });

  it("splits the schema into idempotent statements", () => {
    const list = statements("schema");
    expect(list.length).toBeGreaterThan(3);
    for (const s of list) expect(s).toMatch(/IF NOT EXISTS/);
  });

  it("keeps request values out of query text: read queries use $parameters, never string building", () => {
    for (const file of readdirSync(join(cypherDir, "read")).filter((f) => f.endsWith(".cypher"))) {
      const text = cypher(`read/${file.replace(/\.cypher$/, "")}`, { k: 1, maxHops: 1, depth: 1 });
      expect(text, file).not.toMatch(/\+\s*\$\w+\s*\+|apoc\.cypher/);
    }
  });

  it("includes shared parts, so neighbourhood and subgraph compute edges and omitted counts one way", () => {
    for (const name of ["read/neighbourhood", "read/subgraph"]) {
      const text = cypher(name, { depth: 1 });
      expect(text, name).not.toContain("// include:");
      expect(text, name).toContain(cypher("read/parts/members-edges-omitted").trim());
    }
  });
});
