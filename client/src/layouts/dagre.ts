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
      // rankDir: "TB" (dagre's default): ranks flow left to right, as a chain of ownership reads.
      rankDir: "LR",
      // ranker: "network-simplex" (dagre's default), stated.
      ranker: "network-simplex",
      // nodeSep: 50 (dagre's default): nodes of one rank sit closer, their labels below them.
      nodeSep: 28,
      // rankSep: 50 (dagre's default): wide, so edge labels ("owns 51% (2015–)") fit between ranks.
      rankSep: 150,
      // edgeSep: 10 (dagre's default), stated.
      edgeSep: 10,
      // align, acyclicer: undefined (default); minLen, edgeWeight: 1 (default).
      // animate: false (default); animated on small graphs only.
      animate: nodeCount < 300,
      // animationDuration: 500 (default).
      animationDuration: 350,
      // animationEasing, animateFilter, boundingBox, transform, sort, ready, stop: defaults.
      // fit: true (default): the canvas fits afterwards itself, clear of the legend.
      fit: true,
      // padding: 30 (default).
      padding: 40,
      // spacingFactor: undefined (default).
      // nodeDimensionsIncludeLabels: false (default): labels counted, so names in a rank do not overlap.
      nodeDimensionsIncludeLabels: true,
      // useDagreEdgeControlPoints, automaticDagreEdgeStyle: false (default): Cytoscape's own edge curves.
    } as LayoutOptions;
  },
};
