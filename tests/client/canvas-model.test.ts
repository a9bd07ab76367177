import { describe, expect, it } from "vitest";
import { CanvasModel, pagerId } from "../../client/src/model/canvas-model.ts";
import { CHONSURIM, DELEGATION, DEPT53, FRONT, JONG, LEADS, LIAONING, LINKED, OPERATES, OSONG, PATH, page, SUBGRAPH } from "./fixtures.ts";

describe("canvas model", () => {
  it("adds a neighbourhood and knows which relationships are not loaded yet", () => {
    const model = new CanvasModel();
    const added = model.addSubgraph(SUBGRAPH, DEPT53.id);
    expect(added).toEqual([DEPT53.id, CHONSURIM.id, OSONG.id, LIAONING.id]);
    expect(model.relationships.size).toBe(3);
    expect(model.hiddenCount(CHONSURIM.id)).toBe(2);
    expect(model.hiddenCount(DEPT53.id)).toBe(1);
    expect(model.hiddenCount(OSONG.id)).toBe(0);
    expect(model.hiddenCounts().get(CHONSURIM.id)).toBe(2);
    expect(model.origin.get(CHONSURIM.id)).toBe(DEPT53.id);
  });

  it("adds a subgraph without a centre (a reopened view) without recording where entities came from", () => {
    const model = new CanvasModel();
    model.addEntity(JONG);
    expect(
      model.addSubgraph({
        nodes: [CHONSURIM, DEPT53],
        edges: [FRONT, LINKED],
        omitted: [{ id: CHONSURIM.id, count: 1 }],
        truncated: false,
      }),
    ).toEqual([CHONSURIM.id, DEPT53.id]);
    expect(model.origin.size).toBe(0);
    expect(model.relationships.size).toBe(2);
    expect(model.entities.get(CHONSURIM.id)?.degree).toBe(3);
    expect(model.hiddenCount(CHONSURIM.id)).toBe(1);
    expect(model.hiddenCount(DEPT53.id)).toBe(0);
  });

  it("never adds a relationship whose other end is not on the canvas", () => {
    const model = new CanvasModel();
    model.addEntity(JONG);
    expect(model.addRelationship(LINKED)).toBe(false);
    model.addEntity(CHONSURIM);
    expect(model.addRelationship(LINKED)).toBe(true);
    expect(model.addRelationship(LINKED)).toBe(false);
  });

  it("pages an expansion behind a pager that counts down, and drops it on the last page", () => {
    const model = new CanvasModel();
    model.addEntity(CHONSURIM);
    const first = page(CHONSURIM.id, [{ r: LINKED, other: JONG }], 3, true);
    expect(model.addRelationshipPage(CHONSURIM.id, [], "ANY", first)).toEqual([JONG.id]);
    const id = pagerId(CHONSURIM.id, [], "ANY");
    expect(model.pagers.get(id)).toMatchObject({ remaining: 2, after: "c0", entityId: CHONSURIM.id });
    expect(model.origin.get(JONG.id)).toBe(CHONSURIM.id);
    expect(model.entities.get(CHONSURIM.id)?.degree).toBe(3);

    model.addRelationshipPage(CHONSURIM.id, [], "ANY", page(CHONSURIM.id, [{ r: OPERATES, other: DELEGATION }], 3, true));
    expect(model.pagers.get(id)?.remaining).toBe(1);
    model.addRelationshipPage(CHONSURIM.id, [], "ANY", page(CHONSURIM.id, [{ r: FRONT, other: DEPT53 }], 3, false));
    expect(model.pagers.has(id)).toBe(false);
    expect(model.hiddenCount(CHONSURIM.id)).toBe(0);
  });

  it("keys pagers by entity, types and direction", () => {
    expect(pagerId("a", ["OWNS", "CONTROLS"], "OUTGOING")).toBe(pagerId("a", ["CONTROLS", "OWNS"], "OUTGOING"));
    expect(pagerId("a", [], "ANY")).toBe("more:a:*:ANY");
  });

  it("collapses an entity: removes its leaves, keeps shared neighbours and kept ids", () => {
    const model = new CanvasModel();
    for (const e of [CHONSURIM, JONG, DELEGATION, DEPT53, LIAONING]) model.addEntity(e);
    for (const r of [LINKED, LEADS, OPERATES, FRONT]) model.addRelationship(r);
    // Department 53 is a leaf of Chonsurim; Jong and the delegation are linked to each other too.
    expect(model.collapse(CHONSURIM.id)).toEqual([DEPT53.id]);
    expect(model.entities.has(JONG.id)).toBe(true);
    model.addEntity(DEPT53);
    model.addRelationship(FRONT);
    expect(model.collapse(CHONSURIM.id, new Set([DEPT53.id]))).toEqual([]);
  });

  it("removes entities with their relationships and pagers", () => {
    const model = new CanvasModel();
    model.addSubgraph(SUBGRAPH);
    model.addRelationshipPage(CHONSURIM.id, [], "ANY", page(CHONSURIM.id, [{ r: LINKED, other: JONG }], 3, true));
    model.removeEntities([CHONSURIM.id]);
    expect(model.entities.has(CHONSURIM.id)).toBe(false);
    expect([...model.relationships.values()].some((r) => r.source.id === CHONSURIM.id || r.target.id === CHONSURIM.id)).toBe(false);
    expect(model.pagers.size).toBe(0);
    expect(model.origin.has(JONG.id)).toBe(false);
  });

  it("adds every entity and hop of a path", () => {
    const model = new CanvasModel();
    model.addEntity(DEPT53);
    expect(model.addPath(PATH)).toEqual([LIAONING.id, CHONSURIM.id, JONG.id]);
    expect(model.relationships.size).toBe(3);
    expect(model.toJSON().entities).toHaveLength(4);
  });
});
