import { describe, expect, it } from "vitest";
import {
  entityToNode,
  isFilteredOut,
  legendCounts,
  modelToElements,
  pagerToElements,
  pathElementIds,
  relationshipToEdge,
  shortLabel,
} from "../../client/src/graph/elements.ts";
import { labelPolicy } from "../../client/src/graph/level-of-detail.ts";
import { SANCTIONED_COLOR, schemaIconSvg, schemaStyle } from "../../client/src/graph/schema-style.ts";
import { CanvasModel } from "../../client/src/model/canvas-model.ts";
import { CHONSURIM, DELEGATION, DEPT53, FRONT, JONG, PATH, SUBGRAPH } from "./fixtures.ts";

describe("API to Cytoscape", () => {
  it("turns an entity into a node styled by schema, marked when sanctioned, with a +N for unloaded links", () => {
    const node = entityToNode(CHONSURIM, 2);
    expect(node.group).toBe("nodes");
    expect(node.data).toMatchObject({
      id: CHONSURIM.id,
      kind: "entity",
      schema: "Company",
      shape: "rectangle",
      color: schemaStyle("Company").color,
      sanctioned: true,
      hidden: 2,
    });
    expect(node.data.label).toBe("CHONSURIM TRADING CORPORATION\n+2");
    expect(node.classes).toBe("entity sanctioned");
    expect(entityToNode(DELEGATION).classes).toBe("entity");
    expect(entityToNode(DELEGATION).data.label).not.toContain("+");
  });

  it("gives each schema its own shape and colour, and unknown schemata a fallback", () => {
    expect(schemaStyle("Person").shape).toBe("ellipse");
    expect(schemaStyle("Vessel").shape).toBe("diamond");
    expect(new Set(["Person", "Company", "Organization", "PublicBody", "Vessel"].map((s) => schemaStyle(s).color)).size).toBe(5);
    expect(schemaStyle("Spaceship")).toMatchObject({ label: "Spaceship", shape: "ellipse" });
    expect(schemaIconSvg("Person", { sanctioned: true })).toContain(SANCTIONED_COLOR);
    expect(schemaIconSvg("Person")).toContain('aria-label="Person"');
  });

  it("truncates long names", () => {
    expect(shortLabel("A".repeat(50))).toHaveLength(32);
    expect(shortLabel("  two   spaces ")).toBe("two spaces");
  });

  it("draws an analyst's relationship apart from a list's (class analyst)", () => {
    expect(relationshipToEdge(FRONT).classes).toBe("relationship");
    expect(relationshipToEdge({ ...FRONT, analyst: true }).classes).toBe("relationship analyst");
  });

  it("turns a relationship into a directed, labelled edge", () => {
    expect(relationshipToEdge(FRONT).data).toEqual({
      id: FRONT.id,
      kind: "relationship",
      source: CHONSURIM.id,
      target: DEPT53.id,
      type: "FRONT_COMPANY_OF",
      label: "is a front company of",
      role: "front company",
    });
  });

  it("draws a pager as an 'N more' node linked to its entity", () => {
    const [node, edge] = pagerToElements({
      id: "more:x:OWNS:ANY",
      entityId: "x",
      types: ["OWNS"],
      direction: "ANY",
      after: "c",
      remaining: 40,
    });
    expect(node.data).toMatchObject({ kind: "pager", label: "40 more OWNS", entityId: "x" });
    expect(edge.data).toMatchObject({ source: "x", target: "more:x:OWNS:ANY", kind: "pager-link" });
  });

  it("lists every element of the model", () => {
    const model = new CanvasModel();
    model.addSubgraph(SUBGRAPH);
    const els = modelToElements(model);
    expect(els.filter((e) => e.group === "nodes")).toHaveLength(4);
    expect(els.filter((e) => e.group === "edges")).toHaveLength(3);
    expect(els.find((e) => e.data.id === CHONSURIM.id)?.data).toMatchObject({ hidden: 2 });
  });

  it("filters by schema (with the relationships touching it) and by relationship type", () => {
    const schemaOf = (id: string) => ({ [CHONSURIM.id]: "Company", [DEPT53.id]: "PublicBody", [JONG.id]: "Person" })[id];
    const filters = { hiddenSchemata: new Set(["Person"]), hiddenTypes: new Set(["FRONT_COMPANY_OF"]) };
    expect(isFilteredOut(entityToNode(JONG).data, filters, schemaOf)).toBe(true);
    expect(isFilteredOut(entityToNode(CHONSURIM).data, filters, schemaOf)).toBe(false);
    expect(isFilteredOut(relationshipToEdge(FRONT).data, filters, schemaOf)).toBe(true);
    const linked = relationshipToEdge({ ...FRONT, id: "x", type: "LINKED_TO", source: { id: JONG.id } }).data;
    expect(isFilteredOut(linked, filters, schemaOf)).toBe(true);
    const [pager] = pagerToElements({ id: "p", entityId: JONG.id, types: [], direction: "ANY", after: null, remaining: 3 });
    expect(isFilteredOut(pager.data, filters, schemaOf)).toBe(true);
  });

  it("collects the ids of paths for highlighting, and counts for the legend", () => {
    const ids = pathElementIds([PATH]);
    expect([...ids.nodes]).toEqual(PATH.nodes.map((n) => n.id));
    expect(ids.edges.size).toBe(3);
    const model = new CanvasModel();
    model.addSubgraph(SUBGRAPH);
    const counts = legendCounts(model);
    expect(counts.schemata.get("Company")).toBe(3);
    expect(counts.types.get("FRONT_COMPANY_OF")).toBe(2);
    expect(counts.sanctioned).toBe(4);
  });

  it("drops labels on large graphs", () => {
    expect(labelPolicy(50, 80)).toEqual({ nodeLabels: true, edgeLabels: true });
    expect(labelPolicy(150, 600)).toEqual({ nodeLabels: true, edgeLabels: false });
    expect(labelPolicy(2000, 10000)).toEqual({ nodeLabels: false, edgeLabels: false });
  });
});
