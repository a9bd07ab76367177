/**
 * Pivot MDS (Brandes & Pich, "Eigensolver methods for progressive multidimensional scaling of large data", 2006): a
 * spectral picture of a graph from its hop distances to a few pivot nodes, on plain typed arrays. It is what
 * fCoSE's "draft" quality computes (a spectral step over sampled BFS distances), without fCoSE's Cytoscape
 * collections, which made that step take seconds at 5,000 nodes (docs/client.md, "At scale").
 */

/**
 * Positions (x0, y0, x1, y1, ...) for `n` nodes joined by the edges sources[i]–targets[i] (node indexes, direction
 * ignored). Deterministic: the first pivot is the node of highest degree, each next one the node farthest from the
 * pivots so far. A node another part of the graph cannot reach counts as one hop further than the farthest node
 * reached.
 */
export function pivotMds(n: number, sources: Int32Array, targets: Int32Array, pivotCount = 50): Float64Array {
  const out = new Float64Array(2 * n);
  if (n < 2) return out;
  const k = Math.min(pivotCount, n);
  // Adjacency in compressed rows: each edge in both directions.
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < sources.length; e++) {
    offsets[sources[e] + 1]++;
    offsets[targets[e] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const adjacent = new Int32Array(offsets[n]);
  const fill = offsets.slice(0, n);
  for (let e = 0; e < sources.length; e++) {
    adjacent[fill[sources[e]]++] = targets[e];
    adjacent[fill[targets[e]]++] = sources[e];
  }
  // Squared hop distances from each pivot: column j of an n × k matrix, row-major.
  const d2 = new Float64Array(n * k);
  const hops = new Int32Array(n);
  const queue = new Int32Array(n);
  const nearestPivot = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let pivot = 0;
  for (let i = 1; i < n; i++) if (offsets[i + 1] - offsets[i] > offsets[pivot + 1] - offsets[pivot]) pivot = i;
  for (let j = 0; j < k; j++) {
    hops.fill(-1);
    hops[pivot] = 0;
    queue[0] = pivot;
    let head = 0;
    let tail = 1;
    let farthest = 0;
    while (head < tail) {
      const v = queue[head++];
      for (let a = offsets[v]; a < offsets[v + 1]; a++) {
        const w = adjacent[a];
        if (hops[w] < 0) {
          hops[w] = hops[v] + 1;
          farthest = hops[w];
          queue[tail++] = w;
        }
      }
    }
    let next = pivot;
    for (let i = 0; i < n; i++) {
      const h = hops[i] < 0 ? farthest + 1 : hops[i];
      d2[i * k + j] = h * h;
      if (h < nearestPivot[i]) nearestPivot[i] = h;
      if (nearestPivot[i] > nearestPivot[next]) next = i;
    }
    pivot = next;
  }
  // Double centring: C = -1/2 (D² - row means - column means + grand mean).
  const rowMean = new Float64Array(n);
  const colMean = new Float64Array(k);
  let grand = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      const v = d2[i * k + j];
      rowMean[i] += v / k;
      colMean[j] += v / n;
      grand += v / (n * k);
    }
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) d2[i * k + j] = -0.5 * (d2[i * k + j] - rowMean[i] - colMean[j] + grand);
  const c = d2;
  // The two leading eigenvectors of CᵀC (k × k) by power iteration, the second kept orthogonal to the first.
  const ctc = new Float64Array(k * k);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < k; a++) {
      const ca = c[i * k + a];
      if (ca === 0) continue;
      for (let b = 0; b < k; b++) ctc[a * k + b] += ca * c[i * k + b];
    }
  const first = leadingEigenvector(ctc, k, null);
  const second = leadingEigenvector(ctc, k, first);
  for (let i = 0; i < n; i++) {
    let x = 0;
    let y = 0;
    for (let j = 0; j < k; j++) {
      x += c[i * k + j] * first[j];
      y += c[i * k + j] * second[j];
    }
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  return out;
}

function leadingEigenvector(m: Float64Array, k: number, orthogonalTo: Float64Array | null): Float64Array {
  let v = new Float64Array(k);
  // A fixed start that is not orthogonal to any particular vector.
  for (let j = 0; j < k; j++) v[j] = 1 + j / k;
  const next = new Float64Array(k);
  for (let iteration = 0; iteration < 200; iteration++) {
    if (orthogonalTo) removeComponent(v, orthogonalTo);
    next.fill(0);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) next[a] += m[a * k + b] * v[b];
    let norm = 0;
    for (let j = 0; j < k; j++) norm += next[j] * next[j];
    norm = Math.sqrt(norm);
    if (norm === 0) return v;
    let change = 0;
    for (let j = 0; j < k; j++) {
      const value = next[j] / norm;
      change += Math.abs(value - v[j]);
      next[j] = value;
    }
    v = Float64Array.from(next);
    if (change < 1e-9) break;
  }
  if (orthogonalTo) removeComponent(v, orthogonalTo);
  return v;
}

/** Takes from `v` its component along the unit vector `u`, in place. */
function removeComponent(v: Float64Array, u: Float64Array): void {
  let dot = 0;
  for (let j = 0; j < v.length; j++) dot += v[j] * u[j];
  for (let j = 0; j < v.length; j++) v[j] -= dot * u[j];
}

/**
 * A whole picture for a graph of any number of parts: each connected part drawn by pivotMds on its own and scaled to
 * an rms spread of `spacing` × √(its size), then the parts packed in rows, largest first, `spacing` apart (one
 * part's pivots say nothing about another part's nodes, which would all land on one point). Positions as pivotMds.
 */
export function spectralLayout(n: number, sources: Int32Array, targets: Int32Array, spacing = 19): Float64Array {
  const out = new Float64Array(2 * n);
  // Connected parts by union-find.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let e = 0; e < sources.length; e++) parent[root(sources[e])] = root(targets[e]);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  }
  const partEdges = new Map<number, number[]>();
  for (let e = 0; e < sources.length; e++) {
    const r = root(sources[e]);
    const list = partEdges.get(r);
    if (list) list.push(e);
    else partEdges.set(r, [e]);
  }
  const parts = [...members.entries()].sort((a, b) => b[1].length - a[1].length);
  // Row packing: as wide as the largest part or √(total area), whichever is wider.
  const boxes: { nodes: number[]; xy: Float64Array; w: number; h: number }[] = [];
  let area = 0;
  for (const [r, nodes] of parts) {
    const local = new Map(nodes.map((node, i) => [node, i]));
    const edges = partEdges.get(r) ?? [];
    const xy = pivotMds(
      nodes.length,
      Int32Array.from(edges, (e) => local.get(sources[e]) ?? 0),
      Int32Array.from(edges, (e) => local.get(targets[e]) ?? 0),
    );
    const m = nodes.length;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < m; i++) {
      cx += xy[2 * i] / m;
      cy += xy[2 * i + 1] / m;
    }
    let spread = 0;
    for (let i = 0; i < m; i++) spread += ((xy[2 * i] - cx) ** 2 + (xy[2 * i + 1] - cy) ** 2) / m;
    const scale = spread > 0 ? (spacing * Math.sqrt(m)) / Math.sqrt(spread) : 0;
    let x1 = 0;
    let y1 = 0;
    let x2 = 0;
    let y2 = 0;
    for (let i = 0; i < m; i++) {
      const x = (xy[2 * i] - cx) * scale;
      const y = (xy[2 * i + 1] - cy) * scale;
      xy[2 * i] = x;
      xy[2 * i + 1] = y;
      if (i === 0 || x < x1) x1 = x;
      if (i === 0 || y < y1) y1 = y;
      if (i === 0 || x > x2) x2 = x;
      if (i === 0 || y > y2) y2 = y;
    }
    for (let i = 0; i < m; i++) {
      xy[2 * i] -= x1;
      xy[2 * i + 1] -= y1;
    }
    boxes.push({ nodes, xy, w: x2 - x1, h: y2 - y1 });
    area += (x2 - x1 + spacing * 2) * (y2 - y1 + spacing * 2);
  }
  const rowWidth = Math.max(boxes[0]?.w ?? 0, Math.sqrt(area));
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const box of boxes) {
    if (x > 0 && x + box.w > rowWidth) {
      x = 0;
      y += rowHeight + spacing * 2;
      rowHeight = 0;
    }
    box.nodes.forEach((node, i) => {
      out[2 * node] = x + box.xy[2 * i];
      out[2 * node + 1] = y + box.xy[2 * i + 1];
    });
    x += box.w + spacing * 2;
    rowHeight = Math.max(rowHeight, box.h);
  }
  return out;
}
