import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { syntheticNeighbourhood } from "../../bench/client/synthetic.ts";
import { modelToElements } from "../../client/src/graph/elements.ts";
import { registerExtensions } from "../../client/src/graph/extensions.ts";
import { FANOUT_LIMIT, fanOutGroups, GROUP_MIN, groupId, groupLabel } from "../../client/src/graph/grouping.ts";
import { HUB_DEGREE, IMPORTANT, importance, READABLE_PX, renderedLabelPx } from "../../client/src/graph/level-of-detail.ts";
import { buildStylesheet } from "../../client/src/graph/stylesheet.ts";
import { concentricLayout, NODE_SLOT, ringsByDepth } from "../../client/src/layouts/concentric.ts";
import { fcoseLayout } from "../../client/src/layouts/fcose.ts";
import { CanvasModel } from "../../client/src/model/canvas-model.ts";

const node = (id: string, schema = "Person", sanctioned = false) => ({ id, schema, sanctioned });
const edge = (id: string, source: string, target: string, type = "DIRECTOR_OF") => ({ id, source, target, type });

/** A hub with `n` leaves of one kind pointing at it, plus `extra` of another kind. */
function star(n: number, extra = 0) {
  const nodes = [node("hub", "Organization")];
  const edges = [];
  for (let i = 0; i < n; i++) {
    nodes.push(node(`p${i}`, "Person", i === 0));
    edges.push(edge(`d${i}`, `p${i}`, "hub"));
  }
  for (let i = 0; i < extra; i++) {
    nodes.push(node(`c${i}`, "Company"));
    edges.push(edge(`o${i}`, "hub", `c${i}`, "OWNS"));
  }
  return { nodes, edges };
}

describe("grouping large fan-outs", () => {
  it("groups the leaves of an entity with more than FANOUT_LIMIT of them, by type, direction and schema", () => {
    const { nodes, edges } = star(30, 8);
    const groups = fanOutGroups(nodes, edges);
    expect(groups).toHaveLength(2);
    const directors = groups.find((g) => g.type === "DIRECTOR_OF");
    expect(directors).toMatchObject({ id: groupId("hub", "DIRECTOR_OF", false, "Person"), hub: "hub", outgoing: false, schema: "Person" });
    expect(directors?.members).toHaveLength(30);
    expect(directors?.edges).toHaveLength(30);
    expect(directors?.sanctioned).toBe(1);
    const owned = groups.find((g) => g.type === "OWNS");
    expect(owned).toMatchObject({ outgoing: true, schema: "Company" });
    expect(groupLabel(owned as NonNullable<typeof owned>, "owns")).toBe("owns\n8 × Company");
    expect(groupLabel(directors as NonNullable<typeof directors>, "is a director of")).toBe("30 × Person\nis a director of");
  });

  it("leaves small fan-outs, small groups, connected neighbours, kept entities and opened groups drawn one by one", () => {
    const small = star(FANOUT_LIMIT);
    expect(fanOutGroups(small.nodes, small.edges)).toEqual([]);
    const { nodes, edges } = star(FANOUT_LIMIT + 1, GROUP_MIN - 1);
    // The owned companies are too few for a group of their own; the directors are grouped.
    expect(fanOutGroups(nodes, edges).map((g) => g.type)).toEqual(["DIRECTOR_OF"]);
    // A director linked to another director is no leaf; a kept one stays out.
    const linked = [...edges, edge("x", "p1", "p2", "ASSOCIATE")];
    const [group] = fanOutGroups(nodes, linked, { keep: new Set(["p3"]) });
    expect(group.members).not.toContain("p1");
    expect(group.members).not.toContain("p2");
    expect(group.members).not.toContain("p3");
    expect(group.members).toHaveLength(FANOUT_LIMIT + 1 - 3);
    expect(fanOutGroups(nodes, edges, { opened: new Set([group.id]) })).toEqual([]);
  });

  it("draws a grouped neighbourhood as its hub, the connected neighbours and a few group nodes", () => {
    const { entities, relationships } = syntheticNeighbourhood(150);
    const model = new CanvasModel();
    for (const e of entities) model.addEntity(e);
    for (const r of relationships) model.addRelationship(r);
    const els = modelToElements(model, { focus: "hub" });
    const nodes = els.filter((e) => e.group === "nodes");
    const groups = nodes.filter((n) => n.data.kind === "group");
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(nodes.length).toBeLessThan(60);
    // Every entity is either drawn or in exactly one group; every drawn edge has both ends drawn.
    const drawn = new Set(nodes.map((n) => n.data.id));
    const grouped = els.groups.flatMap((g) => g.members);
    expect(new Set(grouped).size).toBe(grouped.length);
    for (const e of entities) expect(drawn.has(e.id) !== grouped.includes(e.id)).toBe(true);
    for (const e of els.filter((x) => x.group === "edges")) {
      const data = e.data as { source: string; target: string };
      expect(drawn.has(data.source) && drawn.has(data.target)).toBe(true);
    }
    expect(nodes.find((n) => n.data.id === "hub")?.data).toMatchObject({ focus: true, importance: 1 });
  });
});

describe("level of detail", () => {
  it("makes the focus and hubs prominent, by degree on a log scale", () => {
    expect(importance(3, { focus: true })).toBe(1);
    expect(importance(0)).toBe(0);
    expect(importance(HUB_DEGREE)).toBeCloseTo(0.9);
    expect(importance(HUB_DEGREE * 10)).toBeLessThanOrEqual(0.95);
    expect(importance(2)).toBeLessThan(IMPORTANT);
    expect(importance(20)).toBeGreaterThanOrEqual(IMPORTANT);
    expect(importance(2, { sanctioned: true })).toBeGreaterThan(importance(2));
  });

  it("never draws a label below READABLE_PX: it is hidden instead", () => {
    expect(renderedLabelPx(13, 1)).toBe(13);
    expect(renderedLabelPx(13, 0.7)).toBe(0);
    expect(renderedLabelPx(20, 0.5)).toBe(READABLE_PX);
    const node = buildStylesheet().find((rule) => rule.selector === "node") as unknown as { style: Record<string, unknown> };
    expect(node.style["min-zoomed-font-size"]).toBe(READABLE_PX);
    // On a large graph the important nodes keep their labels.
    const large = buildStylesheet({ nodeLabels: false, edgeLabels: false, fast: true });
    expect(large.some((rule) => rule.selector === `node[importance >= ${IMPORTANT}]`)).toBe(true);
  });
});

describe("the stylesheet of a large graph", () => {
  const style = (rules: ReturnType<typeof buildStylesheet>, selector: string) =>
    (rules.find((rule) => rule.selector === selector) as unknown as { style: Record<string, unknown> }).style;

  it("draws haystack edges without arrows and nodes without a rim; ordinary graphs keep bezier edges and arrows", () => {
    const large = buildStylesheet({ nodeLabels: false, edgeLabels: false, fast: true });
    expect(style(large, "edge")["curve-style"]).toBe("haystack");
    expect(style(large, "edge")["target-arrow-shape"]).toBe("none");
    expect(style(large, "node")["border-width"]).toBe(0);
    const small = buildStylesheet();
    expect(style(small, "edge")["curve-style"]).toBe("bezier");
    expect(style(small, "edge")["target-arrow-shape"]).toBe("triangle");
    expect(small.some((rule) => rule.selector === "edge.path, edge:selected")).toBe(false);
  });

  it("gives a large graph's edges label and arrow properties only where they can show (a cheaper first style pass)", () => {
    const large = buildStylesheet({ nodeLabels: false, edgeLabels: false, fast: true });
    expect(style(large, "edge")).not.toHaveProperty("font-size");
    expect(style(large, "edge")).not.toHaveProperty("control-point-step-size");
    expect(
      large.some(
        (rule) => rule.selector === "edge[type = 'FAMILY'], edge[type = 'ASSOCIATE'], edge[type = 'LINKED_TO'], edge[type = 'SAME_AS']",
      ),
    ).toBe(false);
    // Hovered, highlighted and selected edges still show their label, written as on an ordinary graph.
    const shown = style(large, "edge.hover, edge.path, edge:selected");
    expect(shown["font-size"]).toBe(style(buildStylesheet(), "edge")["font-size"]);
    expect(shown["text-background-color"]).toBe(style(buildStylesheet(), "edge")["text-background-color"]);
    // Placed before the type rules, so an analyst's link keeps its teal label.
    expect(large.findIndex((rule) => rule.selector === "edge.hover, edge.path, edge:selected")).toBeLessThan(
      large.findIndex((rule) => rule.selector === "edge.analyst"),
    );
  });

  it("gives the label's properties, with labels off, only to the nodes that can show a label", () => {
    const many = buildStylesheet({ nodeLabels: false, edgeLabels: false, fast: true });
    expect(style(many, "node")).not.toHaveProperty("font-size");
    const labelled = `node[importance >= ${IMPORTANT}], node.group, node.pager, node.hover, node.path, node:selected`;
    expect(style(many, labelled)["min-zoomed-font-size"]).toBe(READABLE_PX);
    expect(style(many, labelled)["font-size"]).toBe(style(buildStylesheet(), "node")["font-size"]);
    // Before the rules that change some of it (sanctioned, group, pager), so theirs still win.
    const at = (selector: string) => many.findIndex((rule) => rule.selector === selector);
    for (const later of ["node.sanctioned", "node.group", "node.pager"]) expect(at(labelled)).toBeLessThan(at(later));
    // As Cytoscape computes it: a hub is written as on a small graph, a minor node has no label.
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: many,
      elements: [
        { data: { id: "hub", label: "Hub", importance: 0.8, shape: "ellipse", color: "#000" } },
        { data: { id: "minor", label: "Minor", importance: 0.2, shape: "ellipse", color: "#000" } },
      ],
    });
    const small = cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet(),
      elements: [{ data: { id: "hub", label: "Hub", importance: 0.8, shape: "ellipse", color: "#000" } }],
    });
    for (const property of ["label", "font-size", "font-family", "text-background-color", "text-margin-y", "min-zoomed-font-size"])
      expect(cy.getElementById("hub").style(property)).toBe(small.getElementById("hub").style(property));
    expect(cy.getElementById("minor").style("label")).toBe("");
    cy.destroy();
    small.destroy();
  });

  it("keeps a direction on highlighted and selected edges of a large graph", () => {
    const large = buildStylesheet({ nodeLabels: false, edgeLabels: false, fast: true });
    const path = style(large, "edge.path, edge:selected");
    expect(path["curve-style"]).toBe("straight");
    expect(path["target-arrow-shape"]).toBe("triangle");
    const undirected = large.find((rule) => rule.selector.includes("edge.path[type = 'FAMILY']")) as unknown as {
      selector: string;
      style: Record<string, unknown>;
    };
    expect(undirected.selector).toContain("edge:selected[type = 'FAMILY']");
    expect(undirected.style["target-arrow-shape"]).toBe("none");
    // Rules that follow win in Cytoscape: the undirected rule comes after the arrow rule.
    expect(large.indexOf(undirected as never)).toBeGreaterThan(large.findIndex((rule) => rule.selector === "edge.path, edge:selected"));
  });
});

describe("the concentric layout", () => {
  it("spreads a crowded hop level over several rings, heaviest inside", () => {
    const ids = ["hub", ...Array.from({ length: 40 }, (_, i) => `n${i}`), "far", "alone"];
    const depths = new Map<string, number>([["hub", 0], ...ids.slice(1, 41).map((id) => [id, 1] as [string, number]), ["far", 2]]);
    const ring = ringsByDepth(depths, ids, (id) => (id === "n39" ? 1 : 0));
    expect(ring.get("hub")).toBe(0);
    expect(ring.get("n39")).toBe(1);
    const perRing = new Map<number, number>();
    for (const id of ids.slice(1, 41)) perRing.set(ring.get(id) as number, (perRing.get(ring.get(id) as number) ?? 0) + 1);
    // Rings of at most floor(2πk): 6, 12, 18, then the rest.
    expect([...perRing.values()]).toEqual([6, 12, 18, 4]);
    expect(ring.get("far")).toBe(5);
    expect(ring.get("alone")).toBe(6);
  });

  it("places 150 neighbours without stacking: every two nodes at least a label's width apart", () => {
    const elements: cytoscape.ElementDefinition[] = [{ data: { id: "hub", importance: 1 } }];
    for (let i = 0; i < 150; i++) {
      elements.push({ data: { id: `n${i}`, importance: 0.1 } });
      elements.push({ data: { id: `e${i}`, source: "hub", target: `n${i}` } });
    }
    const cy = cytoscape({ headless: true, styleEnabled: true, elements, style: [{ selector: "node", style: { width: 30, height: 30 } }] });
    const options = concentricLayout.options({ cy, focus: "hub", incremental: false, nodeCount: 1000 });
    cy.layout({ ...options, animate: false } as cytoscape.LayoutOptions).run();
    const positions = cy.nodes().map((n) => n.position());
    let closest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < positions.length; i++)
      for (let j = i + 1; j < positions.length; j++)
        closest = Math.min(closest, Math.hypot(positions[i].x - positions[j].x, positions[i].y - positions[j].y));
    expect(closest).toBeGreaterThanOrEqual(NODE_SLOT - 1);
    const centre = cy.getElementById("hub").position();
    const distances = cy.nodes("[id != 'hub']").map((n) => Math.hypot(n.position().x - centre.x, n.position().y - centre.y));
    expect(Math.min(...distances)).toBeGreaterThan(0);
    cy.destroy();
  });
});

describe("the force-directed layout on a large canvas", () => {
  it("moves the nodes an expansion adds: an incremental run is never spectral-only (which moves nothing)", () => {
    // 1,600 laid-out nodes in a grid, then a hub's 20 new neighbours dropped on the hub, as an expansion does.
    const elements: cytoscape.ElementDefinition[] = [];
    for (let i = 0; i < 1600; i++) elements.push({ data: { id: `n${i}` }, position: { x: (i % 40) * 80, y: Math.floor(i / 40) * 80 } });
    for (let i = 1; i < 1600; i++) elements.push({ data: { id: `e${i}`, source: `n${i - 1}`, target: `n${i}` } });
    for (let i = 0; i < 20; i++) {
      elements.push({ data: { id: `new${i}` }, position: { x: 0, y: 0 } });
      elements.push({ data: { id: `f${i}`, source: "n0", target: `new${i}` } });
    }
    const cy = registerExtensions()({
      headless: true,
      styleEnabled: true,
      elements,
      style: [{ selector: "node", style: { width: 20, height: 20 } }],
    });
    const options = fcoseLayout.options({ cy, incremental: true, nodeCount: cy.nodes().length });
    cy.layout({ ...options, animate: false, numIter: 200 } as cytoscape.LayoutOptions).run();
    const moved = cy.nodes("[id ^= 'new']").filter((n) => Math.hypot(n.position().x, n.position().y) > 20);
    expect(moved.length).toBe(20);
    cy.destroy();
  });
});
