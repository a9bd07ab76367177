/**
 * Level of detail (shared/notes/cytoscape.md §4). Labels are never drawn smaller than READABLE_PX on screen: a label
 * that would be smaller is hidden instead (Cytoscape's min-zoomed-font-size), and important nodes carry a larger
 * font, so zooming out hides the minor names first and keeps the focus and the hubs. Above NODE_LABEL_LIMIT
 * visible nodes only important nodes keep a label; edge labels only on small graphs; selected, hovered and path
 * elements always keep theirs.
 */
export const NODE_LABEL_LIMIT = 200;
export const EDGE_LABEL_LIMIT = 120;
/** Past this many elements, drop the pixel ratio to 1 and hide edges while panning. */
export const HEAVY_ELEMENTS = 4000;
/** Past this many elements, draw with Cytoscape's WebGL renderer where it helps (a GPU; canvas-view.ts). */
export const WEBGL_ELEMENTS = 4000;

/** Smallest label height drawn, in screen pixels. */
export const READABLE_PX = 10;
/** Importance from which a node keeps its label on a large graph (hubs and the focus). */
export const IMPORTANT = 0.6;
/** A node with this many relationships (loaded or not) is as prominent as a hub gets. */
export const HUB_DEGREE = 50;

/** Node diameter and label size (model pixels, at zoom 1) from importance 0 to 1. */
export const NODE_SIZE = { min: 30, max: 64 };
export const FONT_SIZE = { min: 13, max: 20 };

export interface LabelPolicy {
  /** Every node's label (false: only important nodes'). */
  nodeLabels: boolean;
  edgeLabels: boolean;
}

export function labelPolicy(visibleNodes: number, visibleEdges: number): LabelPolicy {
  return { nodeLabels: visibleNodes <= NODE_LABEL_LIMIT, edgeLabels: visibleEdges <= EDGE_LABEL_LIMIT && visibleNodes <= NODE_LABEL_LIMIT };
}

/**
 * How prominent a node is drawn, 0 to 1: 1 for the focus; otherwise by its number of relationships on a log scale
 * up to HUB_DEGREE (0.9), a little more when sanctioned. Absolute, so a node keeps its size as the canvas grows.
 */
export function importance(degree: number, { focus = false, sanctioned = false } = {}): number {
  if (focus) return 1;
  const byDegree = (0.9 * Math.log1p(Math.max(0, degree))) / Math.log1p(HUB_DEGREE);
  return Math.round(Math.min(0.95, byDegree + (sanctioned ? 0.1 : 0)) * 100) / 100;
}

/** The label's size on screen at a zoom level, or 0 when it is hidden for being smaller than READABLE_PX. */
export function renderedLabelPx(fontSize: number, zoom: number): number {
  const px = fontSize * zoom;
  return px >= READABLE_PX ? px : 0;
}
