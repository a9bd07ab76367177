/**
 * `subgraph(ids)` for any number of ids. The API takes at most `max` ids per call (`metadata.limits.maxSubgraphIds`);
 * above that the ids go in blocks of `max / 2`, every pair of blocks is asked once (so every two ids meet in some
 * call), and the answers are merged.
 */
import type { Subgraph } from "./types.ts";

/** The id lists to ask for: one list up to `max` ids, else the union of every pair of blocks. */
export function subgraphRequests(ids: readonly string[], max: number): string[][] {
  const unique = [...new Set(ids)];
  if (unique.length <= max) return [unique];
  const size = Math.max(1, Math.floor(max / 2));
  const blocks: string[][] = [];
  for (let i = 0; i < unique.length; i += size) blocks.push(unique.slice(i, i + size));
  const requests: string[][] = [];
  for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) requests.push([...blocks[i], ...blocks[j]]);
  return requests;
}

/** Relationships of each entity among a subgraph's edges (a self-link counts once). */
function edgeCounts(edges: Subgraph["edges"]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of edges) {
    counts.set(e.source.id, (counts.get(e.source.id) ?? 0) + 1);
    if (e.target.id !== e.source.id) counts.set(e.target.id, (counts.get(e.target.id) ?? 0) + 1);
  }
  return counts;
}

/**
 * One subgraph from several over overlapping id sets. An entity's relationships inside a part plus those the part
 * omitted are all its relationships, whatever the part; what the merge omits is that minus the merged edges.
 */
export function mergeSubgraphs(parts: readonly Subgraph[]): Subgraph {
  if (parts.length === 1) return parts[0];
  const nodes = new Map<string, Subgraph["nodes"][number]>();
  const edges = new Map<string, Subgraph["edges"][number]>();
  const degree = new Map<string, number>();
  for (const part of parts) {
    const inside = edgeCounts(part.edges);
    const omitted = new Map(part.omitted.map((o) => [o.id, o.count]));
    for (const n of part.nodes) {
      if (!nodes.has(n.id)) nodes.set(n.id, n);
      degree.set(n.id, (inside.get(n.id) ?? 0) + (omitted.get(n.id) ?? 0));
    }
    for (const e of part.edges) edges.set(e.id, e);
  }
  const inside = edgeCounts([...edges.values()]);
  const omitted = [...nodes.keys()].map((id) => ({ id, count: (degree.get(id) ?? 0) - (inside.get(id) ?? 0) })).filter((o) => o.count > 0);
  return { nodes: [...nodes.values()], edges: [...edges.values()], omitted, truncated: parts.some((p) => p.truncated) };
}
