import { describe, expect, it } from "vitest";
import { decodeViewState, emptyViewState, encodeViewState, isBlank, type ViewState } from "../../client/src/model/url-state.ts";

describe("URL state", () => {
  it("round-trips entities, selection, layout, filters and a path query", () => {
    const state: ViewState = {
      entities: ["ofac-52262", "ofac-52283", "seed-chonsurim-it-delegation-laos"],
      selected: "ofac-52283",
      layout: "dagre",
      hiddenSchemata: ["Address"],
      hiddenTypes: ["LINKED_TO", "SAME_AS"],
      path: {
        from: "ofac-52264",
        to: "ofac-52289",
        maxHops: 5,
        k: 3,
        mode: "all",
        relationshipTypes: ["OWNS", "CONTROLS"],
        direction: "OUTGOING",
        avoid: ["ofac-52262"],
      },
    };
    const hash = encodeViewState(state);
    expect(hash).toContain("e=ofac-52262,ofac-52283,seed-chonsurim-it-delegation-laos");
    expect(decodeViewState(`#${hash}`)).toEqual(state);
  });

  it("leaves out defaults, so links stay short", () => {
    const hash = encodeViewState({ ...emptyViewState(), entities: ["ofac-52262"] });
    expect(hash).toBe("e=ofac-52262");
    expect(
      encodeViewState({
        ...emptyViewState(),
        entities: ["a"],
        path: { from: "a", to: "b", maxHops: 4, k: 3, mode: "shortest", relationshipTypes: [], direction: "ANY", avoid: [] },
      }),
    ).toBe("e=a&from=a&to=b&hops=4&k=3");
  });

  it("escapes ids with separators in them", () => {
    const state = { ...emptyViewState(), entities: ["a,b", "c&d=e", "ü ö"] };
    expect(decodeViewState(encodeViewState(state)).entities).toEqual(["a,b", "c&d=e", "ü ö"]);
  });

  it("reads a neighbourhood deep link", () => {
    const state = decodeViewState("#hood=ofac-52262&depth=2");
    expect(state.hood).toEqual({ id: "ofac-52262", depth: 2 });
    expect(isBlank(state)).toBe(false);
    expect(encodeViewState(state)).toBe("hood=ofac-52262&depth=2");
  });

  it("falls back to defaults on bad or unknown values", () => {
    const state = decodeViewState("#e=x,,x&layout=spiral&hops=99&k=-3&dir=SIDEWAYS&from=a&to=b&junk&sel=%E0%A4%A");
    expect(state.entities).toEqual(["x"]);
    expect(state.layout).toBe("fcose");
    // Numbers are only made whole and positive here; the API's published limits bound them when the query runs.
    expect(state.path).toMatchObject({ maxHops: 99, k: 1, direction: "ANY", mode: "shortest" });
    expect(state.selected).toBeUndefined();
  });

  it("treats an empty hash as blank (the app opens its start network)", () => {
    expect(isBlank(decodeViewState(""))).toBe(true);
    expect(isBlank(decodeViewState("#layout=dagre"))).toBe(true);
    expect(decodeViewState("#from=a").path).toBeUndefined();
  });
});
