/** Force-directed (fCoSE): the default for the entity network. Incremental runs keep positions (randomize: false). */
import type { LayoutOptions } from "cytoscape";
import type { LayoutDefinition } from "./layout-definition.ts";

export const fcoseLayout: LayoutDefinition = {
  name: "fcose",
  label: "Force-directed",
  description: "General network: related entities pulled together.",
  options({ incremental, nodeCount }) {
    return {
      name: "fcose",
      // quality: "default" (default): spectral, then CoSE with fast cooling; "draft" (spectral only) on large graphs
      // when laid out afresh. Never draft on incremental runs: draft with randomize false moves no node at all, so an
      // expansion on a large canvas stayed wherever it was first dropped.
      quality: nodeCount > 1500 && !incremental ? "draft" : "default",
      // randomize: true (default): random start; false keeps the positions drawn (incremental runs).
      randomize: !incremental,
      // animate: true (default); only the end state, and only on small graphs.
      animate: nodeCount < 300 ? "end" : false,
      // animationDuration: 1000 (default).
      animationDuration: 350,
      // animationEasing: undefined (default).
      // fit: true (default): the canvas fits afterwards itself, clear of the legend.
      fit: true,
      // padding: 30 (default).
      padding: 40,
      // nodeDimensionsIncludeLabels: false (default): labels counted on small graphs, so names do not overlap.
      nodeDimensionsIncludeLabels: nodeCount < 300,
      // uniformNodeDimensions: false (default): nodes are sized by importance.
      // packComponents: true (default): disconnected parts packed side by side.
      packComponents: true,
      // step: "all" (default).
      // samplingType: true (default, greedy); sampleSize: 25 (default); piTol: 1e-7 (default).
      // nodeSeparation: 75 (default): spectral separation; wider, for the labels. It scales the spectral picture
      // (hop distances × nodeSeparation), which spans only the graph's few hops: 5,000 nodes landed in a 600 px
      // square, every node on another. In draft (spectral only) it grows with √n, so the area grows with n
      // (bench/client: 5,000 nodes in about 7,600 px, 56 % instead of 100 % of nodes within a node's width of another).
      nodeSeparation: nodeCount > 1500 ? Math.round(90 * Math.sqrt(nodeCount / 100)) : 90,
      // nodeRepulsion: 4500 (default); doubled on ordinary graphs, so labels have room.
      nodeRepulsion: () => (nodeCount > 1000 ? 4500 : 9000),
      // idealEdgeLength: 50 (default); longer on ordinary graphs for the labels.
      idealEdgeLength: () => (nodeCount > 1000 ? 60 : 110),
      // edgeElasticity: 0.45 (default).
      edgeElasticity: () => 0.45,
      // nestingFactor: 0.1, gravity: 0.25, gravityRange: 3.8, gravityCompound: 1, gravityRangeCompound: 1.5 (defaults).
      // numIter: 2500 (default); fewer on large graphs.
      numIter: nodeCount > 1500 ? 1200 : 2500,
      // tile: true (default): disconnected nodes tiled; tilingPaddingVertical/Horizontal: 10 (default).
      tile: true,
      // initialEnergyOnIncremental: 0.3 (default).
      // fixedNodeConstraint, alignmentConstraint, relativePlacementConstraint: undefined (default).
      // ready, stop: no-ops (default); CanvasView listens for layoutstop.
    } as LayoutOptions;
  },
};
