import DataLoader from "dataloader";
import type { Graph } from "../db/graph.ts";
import type { SourceRecord } from "../model/records.ts";
import { RELATIONSHIP_TYPE_NAMES } from "../model/vocabulary.ts";
import { TIMEOUTS } from "./limits.ts";
import type { EntityNode, SanctionValue } from "./model.ts";

export interface TypeCountValue {
  type: string;
  direction: "OUTGOING" | "INCOMING";
  count: number;
}

/** Per-request batch loaders, so that a page of entities costs one query per field, not one per entity. */
export function createLoaders(graph: Graph, signal?: AbortSignal) {
  const options = { signal, timeoutMs: TIMEOUTS.lookup };
  const byKey = <T>(keys: readonly string[], map: Map<string, T>, fallback: T) => keys.map((k) => map.get(k) ?? fallback);

  const entity = new DataLoader<string, EntityNode | null>(async (ids) => {
    const result = await graph.read("read/entities-by-id", { ids }, options);
    const map = new Map(result.records.map((r) => [r.get("entity").id as string, r.get("entity") as EntityNode]));
    return byKey(ids, map, null);
  });

  const sanctions = new DataLoader<string, SanctionValue[]>(async (ids) => {
    const result = await graph.read("read/sanctions-by-entity", { ids }, options);
    return byKey(ids, new Map(result.records.map((r) => [r.get("id"), r.get("sanctions")])), []);
  });

  const source = new DataLoader<string, SourceRecord | null>(async (ids) => {
    const result = await graph.read("read/sources-by-id", { ids }, options);
    return byKey(ids, new Map(result.records.map((r) => [r.get("source").id, r.get("source")])), null);
  });

  const relationshipCounts = new DataLoader<string, TypeCountValue[]>(async (ids) => {
    const result = await graph.read("read/relationship-counts", { ids, types: RELATIONSHIP_TYPE_NAMES }, options);
    return byKey(ids, new Map(result.records.map((r) => [r.get("id"), r.get("counts")])), []);
  });

  /** Entities that arrive inside a path or subgraph are primed, so resolving hop ends costs nothing. */
  const prime = (nodes: EntityNode[]) => {
    for (const node of nodes) entity.prime(node.id, node);
    return nodes;
  };

  /** Sources by id, skipping ids with no Source node. */
  const sources = async (ids: string[] | undefined) =>
    (await source.loadMany(ids ?? [])).filter((s): s is SourceRecord => s != null && !(s instanceof Error));

  return { entity, sanctions, relationshipCounts, prime, sources };
}

export type Loaders = ReturnType<typeof createLoaders>;
