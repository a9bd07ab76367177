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
    if (orthogonalTo) {
      let dot = 0;
      for (let j = 0; j < k; j++) dot += v[j] * orthogonalTo[j];
      for (let j = 0; j < k; j++) v[j] -= dot * orthogonalTo[j];
    }
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
    [v] = [Float64Array.from(next)];
    if (change < 1e-9) break;
  }
  if (orthogonalTo) {
    let dot = 0;
    for (let j = 0; j < k; j++) dot += v[j] * orthogonalTo[j];
    for (let j = 0; j < k; j++) v[j] -= dot * orthogonalTo[j];
  }
  return v;
}
