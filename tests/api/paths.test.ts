import { describe, expect, it } from "vitest";
import { errorCode, seededApi } from "../support/api.ts";

const LIAONING = "ofac-52264";
const DEPARTMENT_53 = "ofac-52262";
const CHONSURIM = "ofac-52283";
const JONG = "ofac-52289";

const PATH_FIELDS = `
  length
  nodes { id name }
  hops {
    direction
    from { id }
    to { id }
    relationship { id type role source { id } target { id } sources { id publisher excerpt } }
  }`;

const { api } = seededApi();

describe("shortestPaths", () => {
  it("links Liaoning China Trade Industry to Jong In Chol through Department 53 and Chonsurim, every hop sourced", async () => {
    const res = await api.query(`query($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, maxHops: 4) { ${PATH_FIELDS} } }`, {
      from: LIAONING,
      to: JONG,
    });
    expect(res.errors).toBeUndefined();
    const [path] = res.data!.shortestPaths;
    const ids = path.nodes.map((n: { id: string }) => n.id);
    expect(ids[0]).toBe(LIAONING);
    expect(ids.at(-1)).toBe(JONG);
    expect(ids).toContain(DEPARTMENT_53);
    expect(ids).toContain(CHONSURIM);
    expect(path.length).toBe(path.hops.length);
    for (const [i, hop] of path.hops.entries()) {
      expect(hop.from.id).toBe(ids[i]);
      expect(hop.to.id).toBe(ids[i + 1]);
      const { source, target } = hop.relationship;
      expect(hop.direction === "OUTGOING" ? [source.id, target.id] : [target.id, source.id]).toEqual([ids[i], ids[i + 1]]);
      expect(hop.relationship.sources.length).toBeGreaterThan(0);
      expect(hop.relationship.sources[0].publisher).toBeTruthy();
    }
  });

  it("returns several paths, shortest first, when k > 1", async () => {
    const res = await api.query(`{ shortestPaths(from: "${LIAONING}", to: "${JONG}", maxHops: 6, k: 3) { length } }`);
    expect(res.errors).toBeUndefined();
    const lengths = res.data!.shortestPaths.map((p: { length: number }) => p.length);
    expect(lengths.length).toBeGreaterThan(1);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  });

  it("routes around avoided entities, or finds nothing", async () => {
    const res = await api.query(
      `{ shortestPaths(from: "${LIAONING}", to: "${JONG}", maxHops: 6, avoid: ["${DEPARTMENT_53}"]) { nodes { id } } }`,
    );
    expect(res.errors).toBeUndefined();
    for (const path of res.data!.shortestPaths) expect(path.nodes.map((n: { id: string }) => n.id)).not.toContain(DEPARTMENT_53);
  });

  it("follows only the requested direction", async () => {
    // Jong In Chol's links point away from him (he leads, is linked to), so nothing reaches him going only forwards from Liaoning.
    const outgoing = await api.query(`{ shortestPaths(from: "${LIAONING}", to: "${JONG}", direction: OUTGOING) { length } }`);
    expect(outgoing.errors).toBeUndefined();
    expect(outgoing.data!.shortestPaths).toEqual([]);
    const incoming = await api.query(
      `{ shortestPaths(from: "${JONG}", to: "${DEPARTMENT_53}", direction: OUTGOING) { hops { direction } } }`,
    );
    expect(incoming.data!.shortestPaths.length).toBeGreaterThan(0);
    for (const hop of incoming.data!.shortestPaths[0].hops) expect(hop.direction).toBe("OUTGOING");
  });

  it("rejects maxHops out of range with a coded error, not a 500", async () => {
    const res = await api.query(`{ shortestPaths(from: "${LIAONING}", to: "${JONG}", maxHops: 50) { length } }`);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toMatch(/maxHops.*1 to 6/);
  });

  it("names the unknown id", async () => {
    const res = await api.query(`{ shortestPaths(from: "no-such-entity", to: "${JONG}") { length } }`);
    expect(errorCode(res)).toBe("NOT_FOUND");
    expect(res.errors![0].message).toContain("no-such-entity");
  });

  it("rejects identical ends, unknown relationship types and avoiding an end", async () => {
    const same = await api.query(`{ shortestPaths(from: "${JONG}", to: "${JONG}") { length } }`);
    expect(errorCode(same)).toBe("BAD_USER_INPUT");
    const type = await api.query(`{ shortestPaths(from: "${LIAONING}", to: "${JONG}", relationshipTypes: ["KNOWS"]) { length } }`);
    expect(errorCode(type)).toBe("BAD_USER_INPUT");
    expect(type.errors![0].message).toContain('"KNOWS"');
    const avoid = await api.query(`{ shortestPaths(from: "${LIAONING}", to: "${JONG}", avoid: ["${JONG}"]) { length } }`);
    expect(errorCode(avoid)).toBe("BAD_USER_INPUT");
  });

  it("narrows to the given relationship types", async () => {
    const res = await api.query(
      `{ shortestPaths(from: "${LIAONING}", to: "${JONG}", maxHops: 6, relationshipTypes: ["LINKED_TO"]) { length } }`,
    );
    expect(res.errors).toBeUndefined();
    // LINKED_TO alone joins Liaoning to Department 53 and Jong to Chonsurim, but not the two halves.
    expect(res.data!.shortestPaths).toEqual([]);
  });
});

describe("paths", () => {
  it("lists simple paths up to maxHops, shortest first, with no entity twice", async () => {
    const res = await api.query(`{ paths(from: "${LIAONING}", to: "${JONG}", maxHops: 5, first: 20) { ${PATH_FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    const paths = res.data!.paths;
    expect(paths.length).toBeGreaterThan(1);
    const lengths = paths.map((p: { length: number }) => p.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    for (const path of paths) {
      const ids = path.nodes.map((n: { id: string }) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(path.length).toBeLessThanOrEqual(5);
    }
  });

  it("caps first and maxHops", async () => {
    expect(errorCode(await api.query(`{ paths(from: "${LIAONING}", to: "${JONG}", first: 500) { length } }`))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(`{ paths(from: "${LIAONING}", to: "${JONG}", maxHops: 6) { length } }`))).toBe("BAD_USER_INPUT");
  });
});
