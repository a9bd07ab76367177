import { describe, expect, it } from "vitest";
import { errorCode, seededApi } from "../support/api.ts";

const { api } = seededApi();

describe("entity", () => {
  it("returns an OFAC-designated person with identifiers, sanctions and sources", async () => {
    const res = await api.query(`{
      entity(id: "ofac-52286") {
        id schema name aliases countries sanctioned datasets
        identifiers { type value }
        properties { name values }
        sanctions { authority program active sources { id } }
        sources { id publisher title recordId excerpt }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const e = res.data!.entity;
    expect(e).toMatchObject({ id: "ofac-52286", schema: "Person", name: "SON, Kyong Sik", sanctioned: true });
    expect(e.aliases).toEqual(expect.arrayContaining(["Son Kyong-sik", "Song Kyong Sik"]));
    expect(e.countries).toContain("kp");
    expect(e.identifiers).toEqual(
      expect.arrayContaining([
        { type: "birthDate", value: "1959-04-20" },
        { type: "passportNumber", value: "381220302" },
      ]),
    );
    expect(e.sanctions).toEqual([expect.objectContaining({ program: "DPRK3", active: true })]);
    expect(e.sanctions[0].authority).toMatch(/Office of Foreign Assets Control/);
    expect(e.sources.some((s: { recordId?: string }) => s.recordId === "52286")).toBe(true);
    expect(e.properties.find((p: { name: string }) => p.name === "name").values).toContain("SON, Kyong Sik");
  });

  it("is null for an unknown id, and entities() keeps order with nulls", async () => {
    const res = await api.query(`{ entity(id: "nope") { id } entities(ids: ["ofac-52283", "nope", "ofac-52262"]) { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity).toBeNull();
    expect(res.data!.entities.map((e: { id: string } | null) => e?.id ?? null)).toEqual(["ofac-52283", null, "ofac-52262"]);
  });

  it("counts relationships per type and pages through them", async () => {
    const res = await api.query(`{
      entity(id: "ofac-52262") {
        relationshipCounts { type direction count }
        relationships(first: 2) {
          totalCount
          countsByType { type count }
          edges { cursor direction node { type role sources { id } } other { id name } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const e = res.data!.entity;
    const total = e.relationshipCounts.reduce((sum: number, c: { count: number }) => sum + c.count, 0);
    expect(total).toBe(e.relationships.totalCount);
    expect(e.relationships.edges).toHaveLength(2);
    expect(e.relationships.pageInfo.hasNextPage).toBe(total > 2);
    const rest = await api.query(
      `query($after: String) { entity(id: "ofac-52262") { relationships(first: 200, after: $after) { edges { node { id } } } } }`,
      {
        after: e.relationships.pageInfo.endCursor,
      },
    );
    expect(rest.data!.entity.relationships.edges).toHaveLength(total - 2);
    const front = await api.query(
      `{ entity(id: "ofac-52262") { relationships(types: ["FRONT_COMPANY_OF"], direction: INCOMING) { totalCount edges { other { id } } } } }`,
    );
    expect(front.data!.entity.relationships.edges.map((x: { other: { id: string } }) => x.other.id).sort()).toEqual([
      "ofac-52282",
      "ofac-52283",
    ]);
  });

  it("rejects too many ids and unknown relationship types", async () => {
    const ids = Array.from({ length: 201 }, (_, i) => `x${i}`);
    expect(errorCode(await api.query(`query($ids: [ID!]!) { entities(ids: $ids) { id } }`, { ids }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.query(`{ entity(id: "ofac-52262") { relationships(types: ["nope"]) { totalCount } } }`))).toBe(
      "BAD_USER_INPUT",
    );
  });
});
