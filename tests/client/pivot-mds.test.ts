import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { syntheticNetwork } from "../../bench/client/synthetic.ts";
import { fcoseLayout, SPECTRAL_ONLY_NODES, spectralPositions } from "../../client/src/layouts/fcose.ts";
import { pivotMds, spectralLayout } from "../../client/src/layouts/pivot-mds.ts";

const distance = (p: Float64Array, a: number, b: number) => Math.hypot(p[2 * a] - p[2 * b], p[2 * a + 1] - p[2 * b + 1]);

describe("pivot MDS", () => {
  it("lays a path out in its order: the distance from one end grows along the path", () => {
    const n = 12;
    const sources = Int32Array.from({ length: n - 1 }, (_, i) => i);
    const targets = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
    const p = pivotMds(n, sources, targets);
    for (let i = 2; i < n; i++) expect(distance(p, 0, i)).toBeGreaterThan(distance(p, 0, i - 1));
  });

  it("keeps two clusters apart: nodes lie nearer their own cluster than the other one", () => {
    // Two cliques of 10 joined by one edge.
    const sources: number[] = [];
    const targets: number[] = [];
    for (const base of [0, 10])
      for (let a = 0; a < 10; a++)
        for (let b = a + 1; b < 10; b++) {
          sources.push(base + a);
          targets.push(base + b);
        }
    sources.push(0);
    targets.push(10);
    const p = pivotMds(20, Int32Array.from(sources), Int32Array.from(targets));
    const mean = (pairs: [number, number][]) => pairs.reduce((sum, [a, b]) => sum + distance(p, a, b), 0) / pairs.length;
    const within: [number, number][] = [];
    const across: [number, number][] = [];
    for (let a = 1; a < 10; a++) for (let b = 1; b < 10; b++) if (a !== b) within.push([a, b], [10 + a, 10 + b]);
    for (let a = 1; a < 10; a++) for (let b = 1; b < 10; b++) across.push([a, 10 + b]);
    expect(mean(across)).toBeGreaterThan(3 * mean(within));
  });

  it("is deterministic and gives every node, an unconnected one too, a finite position", () => {
    const sources = Int32Array.from([0, 1, 2, 4]);
    const targets = Int32Array.from([1, 2, 3, 5]);
    const a = pivotMds(7, sources, targets);
    expect(Array.from(a).every(Number.isFinite)).toBe(true);
    expect(Array.from(pivotMds(7, sources, targets))).toEqual(Array.from(a));
    expect(Array.from(pivotMds(1, new Int32Array(0), new Int32Array(0)))).toEqual([0, 0]);
  });
});

describe("the spectral layout of a graph in parts", () => {
  it("draws each connected part apart: 30 triangles and 20 lone nodes, no two parts' boxes overlap", () => {
    const sources: number[] = [];
    const targets: number[] = [];
    for (let t = 0; t < 30; t++)
      for (const [a, b] of [
        [0, 1],
        [1, 2],
        [2, 0],
      ]) {
        sources.push(3 * t + a);
        targets.push(3 * t + b);
      }
    const n = 90 + 20;
    const p = spectralLayout(n, Int32Array.from(sources), Int32Array.from(targets));
    const parts = [
      ...Array.from({ length: 30 }, (_, t) => [3 * t, 3 * t + 1, 3 * t + 2]),
      ...Array.from({ length: 20 }, (_, i) => [90 + i]),
    ];
    const boxes = parts.map((nodes) => ({
      x1: Math.min(...nodes.map((i) => p[2 * i])),
      x2: Math.max(...nodes.map((i) => p[2 * i])),
      y1: Math.min(...nodes.map((i) => p[2 * i + 1])),
      y2: Math.max(...nodes.map((i) => p[2 * i + 1])),
    }));
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const [u, v] = [boxes[a], boxes[b]];
        const overlap = u.x1 <= v.x2 && v.x1 <= u.x2 && u.y1 <= v.y2 && v.y1 <= u.y2;
        expect(overlap, `parts ${a} and ${b}`).toBe(false);
      }
    // A triangle keeps its three corners apart.
    expect(distance(p, 0, 1)).toBeGreaterThan(10);
  });
});

describe("the force-directed layout of a large network laid out afresh", () => {
  it("places every node from the spectral picture in one preset pass, spread like fCoSE's draft, neighbours close", () => {
    const nodes = SPECTRAL_ONLY_NODES + 500;
    const { entities, relationships } = syntheticNetwork(nodes);
    const cy = cytoscape({
      headless: true,
      elements: [
        ...entities.map((e) => ({ data: { id: e.id } })),
        ...relationships.map((r) => ({ data: { id: r.id, source: r.source.id, target: r.target.id } })),
      ],
    });
    const options = fcoseLayout.options({ cy, incremental: false, nodeCount: nodes, elements: cy.elements() });
    expect(options.name).toBe("preset");
    cy.layout(options).run();
    const positions = cy.nodes().map((n) => n.position());
    expect(positions.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    // rms spread from the centre: 19 px × √n.
    const cx = positions.reduce((s, p) => s + p.x, 0) / nodes;
    const cyy = positions.reduce((s, p) => s + p.y, 0) / nodes;
    const rms = Math.sqrt(positions.reduce((s, p) => s + (p.x - cx) ** 2 + (p.y - cyy) ** 2, 0) / nodes);
    expect(rms).toBeCloseTo(19 * Math.sqrt(nodes), 0);
    // Related entities are pulled together: the median relationship (the synthetic network keeps 85 % inside clusters
    // of 25) is far shorter than the median distance of two nodes picked apart: 2.03 times here; fCoSE's draft gave
    // 1.53 on this network, random positions about 1 (the picture is deterministic, so is the ratio).
    const length = (a: cytoscape.Position, b: cytoscape.Position) => Math.hypot(a.x - b.x, a.y - b.y);
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const edgeMedian = median(cy.edges().map((e) => length(e.source().position(), e.target().position())));
    const apartMedian = median(positions.map((p, i) => length(p, positions[(i * 7919 + 13) % nodes])));
    expect(edgeMedian).toBeLessThan(apartMedian / 1.8);
    // The same as the spectral positions themselves.
    const direct = spectralPositions(cy.elements());
    expect(cy.getElementById("e7").position()).toEqual(direct.e7);
    cy.destroy();
  });

  it("keeps fCoSE for an expansion on a large canvas (incremental) and for an ordinary graph", () => {
    const cy = cytoscape({ headless: true });
    expect(fcoseLayout.options({ cy, incremental: true, nodeCount: 5000 }).name).toBe("fcose");
    expect(fcoseLayout.options({ cy, incremental: false, nodeCount: SPECTRAL_ONLY_NODES }).name).toBe("fcose");
    cy.destroy();
  });
});
