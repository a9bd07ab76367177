import { describe, expect, it } from "vitest";
import { LIMITS } from "../../server/graphql/limits.ts";
import { seededApi } from "../support/api.ts";
import { expectSimplePaths, PATH_IDS, type PathIds } from "../support/paths.ts";

// Issue 8.1: shortestPaths with k > 1 returned walks through the target and back. Every path is simple, for any
// k, direction and filter.
const LIAONING = "ofac-52264";
const DEPARTMENT_53 = "ofac-52262";
const CHONSURIM = "ofac-52283";
const JONG = "ofac-52289";

const { api } = seededApi();

const SHORTEST = `query($from: ID!, $to: ID!, $k: Int, $maxHops: Int, $direction: Direction, $types: [String!], $avoid: [ID!]) {
  shortestPaths(from: $from, to: $to, k: $k, maxHops: $maxHops, direction: $direction, relationshipTypes: $types, avoid: $avoid) { ${PATH_IDS} }
}`;

async function shortestPaths(variables: Record<string, unknown>): Promise<PathIds[]> {
  const res = await api.query<{ shortestPaths: PathIds[] }>(SHORTEST, variables);
  expect(res.errors, `${JSON.stringify(variables)}: ${JSON.stringify(res.errors)}`).toBeUndefined();
  return res.data!.shortestPaths;
}

describe("shortestPaths returns only simple paths", () => {
  const filters: Record<string, Record<string, unknown>> = {
    "no filter": {},
    "types OWNS, FRONT_COMPANY_OF, LEADS, LINKED_TO, SUPPLIES": { types: ["OWNS", "FRONT_COMPANY_OF", "LEADS", "LINKED_TO", "SUPPLIES"] },
    "avoiding Chonsurim": { avoid: [CHONSURIM] },
  };
  // k and maxHops are written into the query text, so each k is a query plan of its own: the ks that differ in kind
  // (one path, a few, the most) keep the number of plans, and the time on a busy machine, small.
  const ks = [1, 2, 3, LIMITS.maxK];
  for (const direction of ["ANY", "OUTGOING", "INCOMING"]) {
    it(`k = ${ks.join(", ")}, direction ${direction}, each filter`, { timeout: 300_000 }, async () => {
      let found = 0;
      for (const [name, filter] of Object.entries(filters))
        for (const [from, to] of [
          [LIAONING, JONG],
          [JONG, DEPARTMENT_53],
        ])
          for (const k of ks) {
            const paths = await shortestPaths({ from, to, k, maxHops: LIMITS.maxHops, direction, ...filter });
            expectSimplePaths(paths, from, to, k, `${from}->${to} k=${k} ${direction} ${name}`);
            found += paths.length;
          }
      if (direction === "ANY") expect(found).toBeGreaterThan(20);
    });
  }

  it("finds more than one simple alternative where the seed has them (k = 10 is not padded with walks)", async () => {
    const paths = await shortestPaths({ from: LIAONING, to: JONG, k: 10, maxHops: 6 });
    expect(paths.length).toBeGreaterThan(1);
    const keys = paths.map((p) => p.nodes.map((n) => n.id).join(">"));
    // Distinct paths may share their entities (two relationships between the same pair), never repeat one inside.
    expect(keys.every((k) => !k.split(">").some((id, i, all) => all.indexOf(id) !== i))).toBe(true);
  });
});
