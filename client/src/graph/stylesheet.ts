/** The one Cytoscape stylesheet, built once; it maps data with data() and switches detail with classes. */
import type { StylesheetJson } from "cytoscape";
import { FONT_SIZE, IMPORTANT, NODE_SIZE, READABLE_PX } from "./level-of-detail.ts";
import { DELISTED_COLOR, SANCTIONED_COLOR } from "./schema-style.ts";

const FONT = "Inter, Segoe UI, system-ui, DejaVu Sans, Helvetica, Arial, sans-serif";

export interface DetailLevel {
  /** Every node's label (false: only the important nodes', level-of-detail.ts). */
  nodeLabels: boolean;
  edgeLabels: boolean;
  /**
   * Large graphs (past HEAVY_ELEMENTS): haystack edges without arrows and nodes without the white rim, the cheapest
   * styles Cytoscape draws (its performance guide: "haystacks make fast edges"). Highlighted and selected edges keep
   * a straight line with an arrow, so a path still reads in its direction.
   */
  fast: boolean;
}

/** Relationship types without a direction: drawn without an arrow. */
const UNDIRECTED_TYPES = ["FAMILY", "ASSOCIATE", "LINKED_TO", "SAME_AS"];

/** A selector for the undirected edges among `edges` (a selector such as "edge" or "edge.path"). */
function undirected(edges: string): string {
  return UNDIRECTED_TYPES.map((type) => `${edges}[type = '${type}']`).join(", ");
}

/** How a node's label is written (the group and pager rules below change some of it). */
const NODE_LABEL_TEXT = {
  "font-family": FONT,
  "font-size": `mapData(importance, 0, 1, ${FONT_SIZE.min}, ${FONT_SIZE.max})`,
  color: "#0f172a",
  "text-valign": "bottom",
  "text-margin-y": 5,
  "text-wrap": "wrap",
  "text-max-width": "120px",
  "text-background-color": "#ffffff",
  "text-background-opacity": 0.85,
  "text-background-padding": "2px",
  "text-background-shape": "roundrectangle",
  // Never drawn smaller than readable: hidden instead, the least important first as the view zooms out.
  "min-zoomed-font-size": READABLE_PX,
} as const;

/** How an edge's label is written: on every edge of an ordinary graph, on a large one only where a label shows. */
const EDGE_LABEL_TEXT = {
  "font-family": FONT,
  "font-size": 9,
  color: "#475569",
  "text-rotation": "autorotate",
  "text-background-color": "#f8fafc",
  "text-background-opacity": 0.9,
  "text-background-padding": "1px",
  "min-zoomed-font-size": 8,
} as const;

export const FULL_DETAIL: DetailLevel = { nodeLabels: true, edgeLabels: true, fast: false };

/**
 * The stylesheet for a level of detail. Switching detail swaps the whole stylesheet once (one style pass) instead
 * of toggling a class on every element.
 */
export function buildStylesheet(detail: DetailLevel = FULL_DETAIL): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        shape: "data(shape)" as never,
        "background-color": "data(color)",
        // Size by importance (level-of-detail.ts): the focus and the hubs stand out.
        width: `mapData(importance, 0, 1, ${NODE_SIZE.min}, ${NODE_SIZE.max})`,
        height: `mapData(importance, 0, 1, ${NODE_SIZE.min}, ${NODE_SIZE.max})`,
        label: detail.nodeLabels ? "data(label)" : "",
        // With labels off, only the nodes that can still show one (rule below) carry the label's properties:
        // Cytoscape's first style pass does work for each property of each element (it dirties the element's and
        // its edges' style caches): on 5,000 nodes this halves the nodes' pass (docs/client.md "At scale").
        ...(detail.nodeLabels ? NODE_LABEL_TEXT : {}),
        // A white rim between touching nodes; none on large graphs (borders cost a stroke per node, and at the zoom
        // that shows thousands of nodes the rim is under a pixel).
        "border-width": detail.fast ? 0 : 2,
        ...(detail.fast ? {} : { "border-color": "#ffffff" }),
        "overlay-padding": 4,
      },
    },
    ...((detail.nodeLabels
      ? []
      : [
          {
            selector: `node[importance >= ${IMPORTANT}], node.group, node.pager, node.hover, node.path, node:selected`,
            style: NODE_LABEL_TEXT,
          },
        ]) as StylesheetJson),
    {
      selector: "node.sanctioned",
      style: {
        "border-width": 5,
        "border-color": SANCTIONED_COLOR,
        "font-weight": "bold",
        color: "#7f1d1d",
      },
    },
    // Large graphs: the focus and the hubs keep their names.
    { selector: `node[importance >= ${IMPORTANT}]`, style: { label: "data(label)" } },
    {
      selector: "node[?focus]",
      style: {
        "font-weight": "bold",
        "underlay-color": "#2563eb",
        "underlay-opacity": 0.22,
        "underlay-padding": 10,
        "underlay-shape": "ellipse",
        "z-index": 15,
      } as never,
    },
    // A large fan-out behind one node (grouping.ts); a tap opens it.
    {
      selector: "node.group",
      style: {
        label: "data(label)",
        shape: "round-rectangle",
        "background-color": "#eef2ff",
        "background-opacity": 1,
        "border-color": "data(color)",
        "border-style": "double",
        "border-width": 4,
        width: 150,
        height: 44,
        "text-valign": "center",
        "text-margin-y": 0,
        "text-max-width": "140px",
        "text-background-opacity": 0,
        "font-size": 13,
        color: "#1e293b",
      },
    },
    { selector: "node.group.sanctioned", style: { "border-color": SANCTIONED_COLOR, color: "#7f1d1d" } },
    {
      // Delisted: on a list before the day shown, not sanctioned on it. Grey dashed ring, never the red of "now".
      selector: "node.delisted",
      style: {
        "border-width": 4,
        "border-color": DELISTED_COLOR,
        "border-style": "dashed",
        color: "#475569",
        "font-style": "italic",
      },
    },
    {
      selector: "node.pager",
      style: {
        label: "data(label)",
        shape: "round-rectangle",
        "background-color": "#f1f5f9",
        "border-color": "#64748b",
        "border-style": "dashed",
        "border-width": 1.5,
        width: 96,
        height: 24,
        "text-wrap": "ellipsis",
        "text-max-width": "90px",
        "text-valign": "center",
        "text-margin-y": 0,
        "text-background-opacity": 0,
        color: "#334155",
        "font-size": 10,
      },
    },
    {
      selector: "edge",
      style: {
        // curve-style: "haystack" (default): a straight line between node centres, no arrows, parallel edges drawn
        // over each other; cheapest, no control points or arrow geometry per edge. "bezier" bundles parallel edges
        // (two relationships between the same entities stay apart) and draws arrows: for ordinary graphs.
        "curve-style": detail.fast ? "haystack" : "bezier",
        // haystack-radius: 0 (default): haystack lines meet at the node centre.
        width: 1.6,
        "line-color": "#94a3b8",
        // Haystack edges draw no target arrows; stated, so the style says what is drawn.
        "target-arrow-shape": detail.fast ? "none" : "triangle",
        label: detail.edgeLabels ? "data(label)" : "",
        // On a large graph every property here is applied to each of 25,000 edges in the first style pass: the
        // curve, arrow and label properties only where they can show (below), which cut the edges' pass by about a
        // third (docs/client.md "At scale").
        ...(detail.fast ? {} : { "control-point-step-size": 36, "target-arrow-color": "#94a3b8", "arrow-scale": 1, ...EDGE_LABEL_TEXT }),
      },
    },
    // Undirected types: no arrow (on large graphs no edge has one, and highlighted ones have their own rule below).
    ...((detail.fast
      ? [{ selector: "edge.hover, edge.path, edge:selected", style: EDGE_LABEL_TEXT }]
      : [{ selector: undirected("edge"), style: { "target-arrow-shape": "none" } }]) as StylesheetJson),
    { selector: "edge[type = 'OWNS'], edge[type = 'CONTROLS']", style: { "line-color": "#b45309", "target-arrow-color": "#b45309" } },
    { selector: "edge[type = 'FRONT_COMPANY_OF']", style: { "line-color": "#be123c", "target-arrow-color": "#be123c" } },
    // An analyst's link, not a list's: dashed, in teal, whatever its type.
    {
      selector: "edge.analyst",
      style: { "line-style": "dashed", "line-color": "#0f766e", "target-arrow-color": "#0f766e", color: "#0f766e" },
    },
    // Ended before the day shown (end date, or no longer stated by the list): dotted and faded, after the type colours.
    { selector: "edge.ended", style: { "line-style": "dotted", opacity: 0.45, "line-color": "#94a3b8", "target-arrow-color": "#94a3b8" } },
    { selector: "edge.pager-link", style: { "line-style": "dashed", "target-arrow-shape": "none", label: "", "line-color": "#cbd5e1" } },
    { selector: "edge.group-link", style: { width: 3, label: "" } },
    // Level of detail: with labels off, selected, hovered and path elements still show theirs (rules below).
    { selector: ".hover", style: { label: "data(label)", "z-index": 30 } },
    {
      selector: "node.path",
      style: { label: "data(label)", "underlay-color": "#facc15", "underlay-opacity": 0.55, "underlay-padding": 7 } as never,
    },
    {
      selector: "edge.path",
      style: { label: "data(label)", width: 4, "line-color": "#ca8a04", "target-arrow-color": "#ca8a04", "z-index": 10 },
    },
    // Large graphs: a highlighted or selected edge is drawn straight with its arrow (directed types), so it shows
    // which way a path or a relationship runs; the few such edges cost nothing next to the thousands of others.
    ...((detail.fast
      ? [
          { selector: "edge.path, edge:selected", style: { "curve-style": "straight", "target-arrow-shape": "triangle" } },
          { selector: `${undirected("edge.path")}, ${undirected("edge:selected")}`, style: { "target-arrow-shape": "none" } },
        ]
      : []) as StylesheetJson),
    { selector: ".dimmed", style: { opacity: 0.22 } },
    {
      selector: "edge:selected",
      style: { label: "data(label)", width: 4.5, "line-color": "#2563eb", "target-arrow-color": "#2563eb", opacity: 1, "z-index": 20 },
    },
    {
      selector: "node:selected",
      style: { label: "data(label)", "overlay-color": "#2563eb", "overlay-opacity": 0.18, opacity: 1, "z-index": 20 },
    },
    { selector: ".filtered", style: { display: "none" } },
    { selector: "node.flash", style: { "overlay-color": "#facc15", "overlay-opacity": 0.45 } },
  ];
}
