/** Concentric: one entity's neighbourhood in rings by hop distance from the focus (the selected node). */
import type { LayoutOptions, NodeSingular } from "cytoscape";
import type { LayoutDefinition } from "./layout-definition.ts";

export const concentricLayout: LayoutDefinition = {
  name: "concentric",
  label: "Concentric",
  description: "One entity's neighbourhood, in rings by distance.",
  options({ cy, focus, nodeCount }) {
    const root = (focus && cy.getElementById(focus).nonempty() ? cy.getElementById(focus) : cy.nodes().max((n) => n.degree(false)).ele) as
      | NodeSingular
      | undefined;
    const level = new Map<string, number>();
    if (root) {
      cy.elements(":visible").bfs({
        roots: root,
        visit: (v, _e, _u, _i, depth) => {
          level.set(v.id(), depth);
        },
        directed: false,
      });
    }
    const maxLevel = Math.max(0, ...level.values()) + 1;
    return {
      name: "concentric",
      concentric: (node: NodeSingular) => maxLevel - (level.get(node.id()) ?? maxLevel),
      levelWidth: () => 1,
      minNodeSpacing: 24,
      animate: nodeCount < 300,
      animationDuration: 350,
      fit: true,
      padding: 40,
      avoidOverlap: true,
    } as LayoutOptions;
  },
};
