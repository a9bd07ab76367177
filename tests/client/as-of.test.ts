import { describe, expect, it } from "vitest";
import { entityToNode, legendCounts, relationshipToEdge } from "../../client/src/graph/elements.ts";
import { dayAt, dayIndex, hasEnded, isDay, isDelisted } from "../../client/src/model/as-of.ts";
import { CanvasModel } from "../../client/src/model/canvas-model.ts";
import { decodeViewState, encodeViewState } from "../../client/src/model/url-state.ts";
import { entity, rel } from "./fixtures.ts";

// Shaped like EMPEROR AVIATION LTD and its link to KERIMOVA: listed from 2022-11-30, delisted on 2024-05-03.
const emperor = {
  ...entity("ofac-38556", "EMPEROR AVIATION LTD", "Organization", false),
  listings: [{ from: "2022-11-30", to: "2024-05-03" }],
};
const kerimova = { ...entity("ofac-38279", "KERIMOVA, Gulnara", "Person", true), listings: [{ from: "2022-11-30", to: null }] };
const link = rel("ofac-38556-linked-to-ofac-38279", "LINKED_TO", emperor.id, kerimova.id, {
  listings: [{ from: "2022-11-30", to: "2024-05-03" }],
});

describe("as of a day on the canvas", () => {
  it("an entity once listed and not sanctioned on the day is delisted; one never listed is not", () => {
    expect(isDelisted(emperor, "2024-06-01")).toBe(true);
    expect(isDelisted(emperor, "2022-01-01")).toBe(false);
    expect(isDelisted(kerimova, "2024-06-01")).toBe(false);
    expect(isDelisted(entity("x", "NEVER LISTED", "Company", false), "2024-06-01")).toBe(false);
    expect(entityToNode(emperor, 0, "2024-06-01").classes).toBe("entity delisted");
    expect(entityToNode(kerimova, 0, "2024-06-01").classes).toBe("entity sanctioned");
  });

  it("a relationship ends with its end date (partial dates cover their period) or its last list period", () => {
    expect(hasEnded(link, "2024-05-02")).toBe(false);
    expect(hasEnded(link, "2024-05-03")).toBe(true);
    expect(hasEnded(rel("r", "OWNS", "a", "b", { endDate: "2023" }), "2023-12-31")).toBe(false);
    expect(hasEnded(rel("r", "OWNS", "a", "b", { endDate: "2023" }), "2024-01-01")).toBe(true);
    expect(hasEnded(rel("r", "OWNS", "a", "b"), "2024-01-01")).toBe(false);
    expect(relationshipToEdge(link, "2024-06-01").classes).toBe("relationship ended");
  });

  it("the legend counts delisted entities and ended relationships for the model's day", () => {
    const model = new CanvasModel();
    model.addEntity(emperor);
    model.addEntity(kerimova);
    model.addRelationship(link);
    model.asOf = "2024-06-01";
    expect(legendCounts(model)).toMatchObject({ sanctioned: 1, delisted: 1, ended: 1 });
    model.asOf = "2023-01-01";
    expect(legendCounts(model).ended).toBe(0);
  });

  it("keeps the day in the URL; an impossible day is dropped", () => {
    const state = decodeViewState("#e=ofac-38556,ofac-38279&at=2024-05-02");
    expect(state.at).toBe("2024-05-02");
    expect(encodeViewState(state)).toBe("e=ofac-38556,ofac-38279&at=2024-05-02");
    expect(decodeViewState("#e=ofac-38556&at=2024-13-45").at).toBeUndefined();
  });

  it("maps days to slider positions and back", () => {
    expect(isDay("2024-02-29")).toBe(true);
    expect(isDay("2023-02-29")).toBe(false);
    expect(dayIndex("2021-08-24", "2021-09-01")).toBe(8);
    expect(dayAt("2021-08-24", 8)).toBe("2021-09-01");
  });
});
