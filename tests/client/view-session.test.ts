import { describe, expect, it } from "vitest";
import { expandItems } from "../../client/src/features/canvas-menus.ts";
import type { ViewChange } from "../../client/src/model/view-session.ts";
import { ViewSession } from "../../client/src/model/view-session.ts";
import { CHONSURIM, DEPT53, FRONT, OSONG, PATH, SUBGRAPH } from "./fixtures.ts";

const query = {
  from: CHONSURIM.id,
  to: DEPT53.id,
  mode: "SHORTEST" as const,
  k: 1,
  maxHops: 4,
  direction: "ANY" as const,
  types: [],
  avoid: [],
};

describe("the view session", () => {
  it("owns the view state and tells its listeners of every change", () => {
    const session = new ViewSession();
    const changes: ViewChange[] = [];
    const stop = session.subscribe((c) => changes.push(c));
    session.model.addSubgraph(SUBGRAPH, DEPT53.id);
    session.setFilter("schema", "Person", false);
    session.setFilter("type", "OWNS", false);
    session.setFilter("schema", "Person", true);
    session.setLayout("dagre");
    session.setAt("2024-05-02");
    session.setPaths(query as never, [PATH]);
    session.highlightPath(0);
    expect(changes).toEqual(["filters", "filters", "filters", "layout", "at", "path", "path"]);
    expect(session.state(CHONSURIM.id)).toEqual({
      entities: session.model.entityIds(),
      selected: CHONSURIM.id,
      layout: "dagre",
      hiddenSchemata: [],
      hiddenTypes: ["OWNS"],
      path: query,
      at: "2024-05-02",
    });
    expect(session.model.asOf).toBe("2024-05-02");
    expect(session.path?.highlighted).toBe(0);

    stop();
    session.clear();
    expect(changes).toHaveLength(7);
    expect(session.model.isEmpty).toBe(true);
    expect(session.path).toBeNull();
    expect(session.state().path).toBeUndefined();
  });

  it("replaces both filters at once (a reopened link)", () => {
    const session = new ViewSession();
    session.setFilter("schema", "Vessel", false);
    session.setFilters(["Person"], ["LINKED_TO"]);
    expect([...session.hiddenSchemata]).toEqual(["Person"]);
    expect([...session.hiddenTypes]).toEqual(["LINKED_TO"]);
  });
});

describe("the expand menu", () => {
  it("lists each type and direction with its count and how many the canvas shows, most first", () => {
    const session = new ViewSession();
    session.model.addSubgraph({ nodes: [CHONSURIM, DEPT53, OSONG], edges: [FRONT], omitted: [], truncated: false });
    const asked: unknown[] = [];
    const items = expandItems(
      session.model,
      CHONSURIM.id,
      [
        { type: "LINKED_TO", direction: "INCOMING", count: 3 },
        { type: "FRONT_COMPANY_OF", direction: "OUTGOING", count: 1 },
      ],
      (t) => t.toLowerCase(),
      (types, direction) => asked.push([types, direction]),
    );
    expect(
      items.map((i) => ("label" in i ? [i.label, "detail" in i ? i.detail : undefined, "disabled" in i ? i.disabled : undefined] : i.kind)),
    ).toEqual([
      ["All relationships", "4 · 1 shown", false],
      "separator",
      ["← linked_to", "3", false],
      ["front_company_of →", "1 · 1 shown", true],
    ]);
    const linked = items[2] as { onSelect(): void };
    linked.onSelect();
    expect(asked).toEqual([[["LINKED_TO"], "INCOMING"]]);
    expect(expandItems(session.model, OSONG.id, [], String, () => {})).toEqual([{ kind: "heading", label: "No relationships" }]);
  });
});
