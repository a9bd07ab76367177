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
      quality: nodeCount > 1500 ? "draft" : "default",
      randomize: !incremental,
      animate: nodeCount < 300 ? "end" : false,
      animationDuration: 350,
      fit: true,
      padding: 40,
      nodeDimensionsIncludeLabels: nodeCount < 300,
      idealEdgeLength: () => (nodeCount > 1000 ? 60 : 110),
      nodeRepulsion: () => (nodeCount > 1000 ? 4500 : 9000),
      edgeElasticity: () => 0.45,
      nodeSeparation: 90,
      numIter: nodeCount > 1500 ? 1200 : 2500,
      packComponents: true,
      tile: true,
    } as LayoutOptions;
  },
};
