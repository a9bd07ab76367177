/**
 * The selection (client/src/features/selection.ts) on a real view session and a headless Cytoscape: which panels
 * it fills and which tab it brings to the front. The panels and tabs are the unit's edges and are recorded.
 */
import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import type { SideTab } from "../../client/src/features/commands.ts";
import { Selection } from "../../client/src/features/selection.ts";
import { ViewSession } from "../../client/src/model/view-session.ts";
import { CHONSURIM, DEPT53, FRONT, SUBGRAPH } from "./fixtures.ts";

function setUp(tab: SideTab = "details") {
  const session = new ViewSession();
  session.model.addSubgraph(SUBGRAPH, DEPT53.id);
  const cy = cytoscape({
    headless: true,
    elements: [
      ...SUBGRAPH.nodes.map((n) => ({ data: { id: n.id } })),
      ...SUBGRAPH.edges.map((r) => ({ data: { id: r.id, source: r.source.id, target: r.target.id } })),
    ],
  });
  // The canvas's select and selected (graph/canvas-view.ts) on the headless core: one element selected at a time.
  const view = {
    cy,
    select(id: string) {
      const el = cy.getElementById(id);
      if (el.empty()) return false;
      cy.elements(":selected").unselect();
      el.select();
      return true;
    },
    selected() {
      const el = cy.elements(":selected").first();
      return el.empty() ? null : { kind: el.isNode() ? ("entity" as const) : ("relationship" as const), id: el.id() };
    },
  };
  const shown: string[] = [];
  const tabs = {
    current: tab,
    show(key: SideTab) {
      tabs.current = key;
      shown.push(`tab ${key}`);
    },
  };
  let urlWrites = 0;
  const selection = new Selection({
    session,
    view,
    details: {
      showHint: () => shown.push("hint"),
      showEntity: async (id) => {
        shown.push(`entity ${id}`);
      },
      showRelationship: (r) => shown.push(`relationship ${r.id}`),
    },
    exposure: { setEntity: (e) => shown.push(`exposure ${e?.id ?? "none"}`) },
    tabs,
    updateUrl: () => urlWrites++,
  });
  return { selection, shown, tabs, cy, urlWrites: () => urlWrites };
}

describe("the selection", () => {
  it("an entity fills the details and the exposure tab and brings the details to the front", () => {
    const { selection, shown, tabs, urlWrites } = setUp("list");
    selection.show(CHONSURIM.id);
    expect(shown.slice(0, 3)).toEqual([`exposure ${CHONSURIM.id}`, `entity ${CHONSURIM.id}`, "tab details"]);
    expect(new Set(shown.slice(2))).toEqual(new Set(["tab details"]));
    expect(tabs.current).toBe("details");
    expect(selection.entity()?.name).toBe(CHONSURIM.name);
    expect(selection.relationship()).toBeNull();
    expect(urlWrites()).toBe(1);
  });

  it("tabs that work on the selection stay in front; a relationship clears the exposure tab", () => {
    const { selection, shown, tabs } = setUp("paths");
    expect(selection.selectKeepingTab(FRONT.id)).toBe(true);
    expect(shown).toEqual(["exposure none", `relationship ${FRONT.id}`]);
    expect(tabs.current).toBe("paths");
    expect(selection.relationship()?.id).toBe(FRONT.id);
    expect(selection.entity()).toBeNull();
  });

  it("nothing to select changes nothing; clearing unselects and shows the hint", () => {
    const { selection, shown, cy } = setUp("exposure");
    selection.show("not-on-the-canvas");
    expect(shown).toEqual([]);
    selection.select(DEPT53.id);
    expect(cy.$(":selected").map((e) => e.id())).toEqual([DEPT53.id]);
    selection.clear();
    expect(cy.$(":selected").length).toBe(0);
    expect(shown.slice(-2)).toEqual(["exposure none", "hint"]);
  });
});
