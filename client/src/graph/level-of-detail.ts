/**
 * Label level of detail (shared/notes/cytoscape.md §4): node labels off above about 200 visible nodes, edge labels
 * only on small graphs; selected, hovered and path elements always keep theirs.
 */
export const NODE_LABEL_LIMIT = 200;
export const EDGE_LABEL_LIMIT = 120;
/** Past this many elements, drop the pixel ratio to 1 and hide edges while panning. */
export const HEAVY_ELEMENTS = 4000;

export interface LabelPolicy {
  nodeLabels: boolean;
  edgeLabels: boolean;
}

export function labelPolicy(visibleNodes: number, visibleEdges: number): LabelPolicy {
  return { nodeLabels: visibleNodes <= NODE_LABEL_LIMIT, edgeLabels: visibleEdges <= EDGE_LABEL_LIMIT && visibleNodes <= NODE_LABEL_LIMIT };
}
