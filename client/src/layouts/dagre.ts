/** Hierarchical (dagre, left to right): control chains, ownership trees and path results. */
import type { LayoutOptions } from "cytoscape";
import type { LayoutDefinition } from "./layout-definition.ts";

export const dagreLayout: LayoutDefinition = {
  name: "dagre",
  label: "Hierarchical",
  description: "Control chains and paths, read left to right.",
  options({ nodeCount }) {
    return {
      name: "dagre",
      rankDir: "LR",
      ranker: "network-simplex",
      nodeSep: 28,
      rankSep: 150,
      edgeSep: 10,
      animate: nodeCount < 300,
      animationDuration: 350,
      fit: true,
      padding: 40,
      nodeDimensionsIncludeLabels: true,
    } as LayoutOptions;
  },
};
