import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, seededApi } from "../support/api.ts";

const LIAONING = "ofac-52264";
const DEPARTMENT_53 = "ofac-52262";
const DESIGNATED = ["ofac-52262", "ofac-52282", "ofac-52283", "ofac-52286", "ofac-52289"];

const EXPOSURE = `query($id: ID!, $maxHops: Int, $at: String, $authorities: [String!], $avoid: [ID!], $first: Int, $after: String, $types: [String!], $maxDegree: Int) {
  exposure(id: $id, maxHops: $maxHops, at: $at, authorities: $authorities, avoid: $avoid, first: $first, after: $after,
           relationshipTypes: $types, maxDegree: $maxDegree) {
    entity { id } at maxHops maxDegree avoided totalCount complete leftOut
    byAuthority { name count } byProgram { name count } byDistance { hops count }
    parties {
      entity { id name sanctioned }
      distance
      sanctions { authority program startDate }
      path { length nodes { id } hops { from { id } to { id } direction relationship { type role sources { publisher excerpt } } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const { api } = seededApi();
const exposure = (variables: Record<string, unknown>) => api.query(EXPOSURE, { id: LIAONING, ...variables });

// The first run of a query compiles its plan; on a busy machine that alone can pass the request's deadline.
// Wait until it answers (as one waits for health), so that the tests below measure answers, not compiles.
beforeAll(async () => {
  for (let attempt = 0; attempt < 10 && (await exposure({})).errors; attempt++);
}, 600_000);

describe("exposure", () => {
  it("from Liaoning China Trade Industry lists Department 53 and the other designated parties, nearest first, with sourced paths", async () => {
    const res = await exposure({});
    expect(res.errors).toBeUndefined();
    const e = res.data!.exposure;
    expect(e.parties.map((p: { entity: { id: string } }) => p.entity.id).sort()).toEqual(DESIGNATED);
    expect(e.parties[0].entity.id).toBe(DEPARTMENT_53);
    expect(e.parties[0].distance).toBe(1);
    const distances = e.parties.map((p: { distance: number }) => p.distance);
    expect(distances).toEqual([...distances].sort());
    for (const party of e.parties) {
      expect(party.path.length).toBe(party.distance);
      expect(party.path.nodes[0].id).toBe(LIAONING);
      expect(party.path.nodes.at(-1).id).toBe(party.entity.id);
      for (const hop of party.path.hops) expect(hop.relationship.sources.length).toBeGreaterThan(0);
      expect(party.sanctions[0].authority).toMatch(/Office of Foreign Assets Control/);
    }
    expect(e.totalCount).toBe(5);
    expect(e.complete).toBe(true);
    expect(e.leftOut).toBe(0);
    expect(e.maxDegree).toBe(1000);
    expect(e.byProgram).toEqual([
      { name: "DPRK3", count: 4 },
      { name: "DPRK2", count: 1 },
    ]);
    expect(e.byDistance).toEqual([
      { hops: 1, count: 1 },
      { hops: 2, count: 2 },
      { hops: 3, count: 2 },
    ]);
    expect(e.byAuthority).toEqual([{ name: "U.S. Department of the Treasury, Office of Foreign Assets Control", count: 5 }]);
  });

  it("pages, saying how many were left out", async () => {
    const first = (await exposure({ first: 2 })).data!.exposure;
    expect(first.parties).toHaveLength(2);
    expect(first.leftOut).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await exposure({ first: 2, after: first.pageInfo.endCursor })).data!.exposure;
    expect(second.leftOut).toBe(1);
    const seen = [...first.parties, ...second.parties].map((p: { entity: { id: string } }) => p.entity.id);
    expect(new Set(seen).size).toBe(4);
  });

  it("bounds hops, relationship types and dates", async () => {
    expect((await exposure({ maxHops: 1 })).data!.exposure.parties.map((p: { entity: { id: string } }) => p.entity.id)).toEqual([
      DEPARTMENT_53,
    ]);
    // The designations took effect on 2025-01-16: a day earlier nobody in the case was sanctioned.
    expect((await exposure({ at: "2025-01-15" })).data!.exposure.totalCount).toBe(0);
    // A partial date means its first day (as everywhere in the API): January 2025 is 2025-01-01, February covers it.
    expect((await exposure({ at: "2025-01" })).data!.exposure.totalCount).toBe(0);
    expect((await exposure({ at: "2025-02" })).data!.exposure.totalCount).toBe(5);
    expect((await exposure({ types: ["OWNS"] })).data!.exposure.totalCount).toBe(0);
  });

  it("filters by authority family or name part, and avoids entities", async () => {
    expect((await exposure({ authorities: ["OFAC"] })).data!.exposure.totalCount).toBe(5);
    expect((await exposure({ authorities: ["treasury"] })).data!.exposure.totalCount).toBe(5);
    expect((await exposure({ authorities: ["EU"] })).data!.exposure.totalCount).toBe(0);
    // Everything runs through Department 53.
    const avoided = (await exposure({ avoid: [DEPARTMENT_53] })).data!.exposure;
    expect(avoided.totalCount).toBe(0);
    expect(avoided.avoided).toEqual([DEPARTMENT_53]);
    // A degree cap of 1 stops the walk at Department 53 (it has more links), which is still listed itself.
    const capped = (await exposure({ maxDegree: 1 })).data!.exposure;
    expect(capped.parties.map((p: { entity: { id: string } }) => p.entity.id)).toEqual([DEPARTMENT_53]);
    expect(capped.maxDegree).toBe(1);
  });

  it("rejects bad arguments with coded errors", async () => {
    expect(errorCode(await exposure({ maxHops: 9 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await exposure({ first: 0 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await exposure({ maxDegree: 0 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await exposure({ at: "June 2024" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await exposure({ types: ["KNOWS"] }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await exposure({ avoid: [LIAONING] }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await exposure({ after: "nonsense" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(EXPOSURE, { id: "no-such-entity" }))).toBe("NOT_FOUND");
  });
});

describe("hubs and sanctionedNeighbours", () => {
  it("ranks Department 53 first among the seed's entities, with its sanctioned neighbours", async () => {
    const res = await api.query(`{ hubs(first: 3) { degree entity { id sanctionedNeighbours } } }`);
    expect(res.errors).toBeUndefined();
    const [top] = res.data!.hubs;
    expect(top.entity.id).toBe(DEPARTMENT_53);
    // Department 53: part of the ministry, two front companies, Liaoning (supplies + linked to).
    expect(top.degree).toBe(5);
    expect(top.entity.sanctionedNeighbours).toBe(3);
    const people = await api.query(`{ hubs(first: 5, schemata: ["Person"]) { entity { schema } } }`);
    expect(people.data!.hubs.every((h: { entity: { schema: string } }) => h.entity.schema === "Person")).toBe(true);
    expect(errorCode(await api.query(`{ hubs(first: 0) { degree } }`))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(`{ hubs(schemata: ["Dragon"]) { degree } }`))).toBe("BAD_USER_INPUT");
  });
});
