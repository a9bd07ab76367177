import { describe, expect, it } from "vitest";
import { RELATIONSHIP_TYPES } from "../../server/model/vocabulary.ts";
import { readSeeds } from "../../server/seed.ts";
import { seededApi } from "../support/api.ts";

const { api } = seededApi();

describe("metadata", () => {
  it("counts what the seed holds, and publishes the vocabulary and the limits", async () => {
    const res = await api.query(`{
      metadata {
        entityCount relationshipCount
        schemata { name count }
        relationshipTypes { type label description directed ftmSchema count }
        programs { name count }
        datasets { name count }
        publishers { name count }
        limits { maxHops maxK maxPaths maxDepth maxNeighbourhood maxSearchPage maxSubgraphIds }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const m = res.data!.metadata;
    const seeds = readSeeds().map((s) => s.seed);
    const entities = seeds.flatMap((s) => s.entities);
    const relationships = seeds.flatMap((s) => s.relationships);
    expect(m.entityCount).toBe(new Set(entities.map((e) => e.id)).size);
    expect(m.relationshipCount).toBe(new Set(relationships.map((r) => r.id)).size);
    expect(m.schemata.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(m.entityCount);
    expect(m.relationshipTypes.map((t: { type: string }) => t.type)).toEqual(RELATIONSHIP_TYPES.map((t) => t.type));
    const fronts = m.relationshipTypes.find((t: { type: string }) => t.type === "FRONT_COMPANY_OF");
    expect(fronts.count).toBe(relationships.filter((r) => r.type === "FRONT_COMPANY_OF").length);
    expect(m.programs.map((p: { name: string }) => p.name).sort()).toEqual(["DPRK2", "DPRK3"]);
    expect(m.datasets).toContainEqual({ name: "seed", count: m.entityCount });
    expect(m.limits).toMatchObject({ maxHops: 6, maxDepth: 3, maxSubgraphIds: 500 });
  });
});
