/**
 * Concentric: one entity's neighbourhood in rings by hop distance from the focus (the selected node). A hop level
 * with more nodes than a ring holds side by side is spread over several rings (the most connected inside), so no
 * node or label is stacked on another, and rings are spaced by the label's width, not only the node's.
 */
import type { LayoutOptions, NodeSingular } from "cytoscape";
import type { LayoutDefinition } from "./layout-definition.ts";

/** Room one node needs along its ring: its label's width (stylesheet text-max-width 120px) and a margin. */
export const NODE_SLOT = 128;

/**
 * Ring per node: the focus (depth 0) alone in the centre; each depth's nodes, heaviest first, fill rings of at most
 * floor(2π·k) nodes (ring k lies about k slots out, so its circumference holds about 2π·k slots); unreached nodes go
 * outside. Pure, for the unit tests.
 */
export function ringsByDepth(
  depths: ReadonlyMap<string, number>,
  ids: readonly string[],
  weight: (id: string) => number,
): Map<string, number> {
  const deepest = Math.max(0, ...depths.values());
  const byDepth = new Map<number, string[]>();
  for (const id of ids) {
    const depth = depths.get(id) ?? deepest + 1;
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), id]);
  }
  const ring = new Map<string, number>();
  let current = -1;
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const members = (byDepth.get(depth) as string[]).sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
    let room = 0;
    for (const id of members) {
      if (room === 0) {
        current++;
        room = current === 0 ? 1 : Math.floor(2 * Math.PI * current);
      }
      ring.set(id, current);
      room--;
    }
  }
  return ring;
}

export const concentricLayout: LayoutDefinition = {
  name: "concentric",
  label: "Concentric",
  description: "One entity's neighbourhood, in rings by distance.",
  options({ cy, focus, nodeCount }) {
    const visible = cy.nodes(":visible");
    const root = (focus && cy.getElementById(focus).nonempty() ? cy.getElementById(focus) : visible.max((n) => n.degree(false)).ele) as
      | NodeSingular
      | undefined;
    const depth = new Map<string, number>();
    if (root) {
      cy.elements(":visible").bfs({
        roots: root,
        visit: (v, _e, _u, _i, d) => {
          depth.set(v.id(), d);
        },
        directed: false,
      });
    }
    const weight = (id: string) => Number(cy.getElementById(id).data("importance") ?? 0);
    const ring = ringsByDepth(
      depth,
      visible.map((n) => n.id()),
      weight,
    );
    const outermost = Math.max(0, ...ring.values());
    const largest = visible.max((n) => Math.max(n.width(), n.height())).value || 0;
    return {
      name: "concentric",
      // fit: true (default): fit the viewport to the graph; the canvas fits afterwards itself, clear of the legend.
      fit: true,
      // padding: 30 (default): padding on fit.
      padding: 40,
      // startAngle: 3/2 π (default): the first node of each ring at the top.
      // sweep: undefined (default): the full circle.
      // clockwise: true (default).
      // equidistant: false (default): rings as far apart as their own nodes need.
      // minNodeSpacing: 10 (default): space between the outsides of nodes; here up to a label's width in all.
      minNodeSpacing: Math.max(10, NODE_SLOT - largest),
      // boundingBox: undefined (default): no bounds.
      // avoidOverlap: true (default): rings grow so that nodes on them do not overlap.
      avoidOverlap: true,
      // nodeDimensionsIncludeLabels: false (default): nodes measured without labels (minNodeSpacing leaves room for them).
      // height / width: undefined (default): the container's.
      // spacingFactor: undefined (default): no extra scaling.
      // concentric: node.degree() (default): higher values nearer the centre; here the inverse of the ring.
      concentric: (node: NodeSingular) => outermost - (ring.get(node.id()) ?? outermost),
      // levelWidth: maxDegree / 4 (default): the value range per ring; here one value per ring.
      levelWidth: () => 1,
      // animate: false (default); animated on small graphs only.
      animate: nodeCount < 300,
      // animationDuration: 500 (default).
      animationDuration: 350,
      // animationEasing, animateFilter, ready, stop, transform: defaults (linear, all nodes, none, none, identity).
    } as LayoutOptions;
  },
};
