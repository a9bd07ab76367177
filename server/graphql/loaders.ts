import DataLoader from "dataloader";
import { sanctionedNeighbours as sanctionedNeighboursOf } from "../db/queries/exposure.ts";
import { sanctionedAt as sanctionedAtOf } from "../db/queries/history.ts";
import {
  entitiesById,
  type RelationshipsPageParams,
  type RelationshipsPageRow,
  relationshipCounts as relationshipCountsOf,
  relationshipsPage as relationshipsPageOf,
  sanctionsByEntity,
  sourcesById,
} from "../db/queries/lookups.ts";
import { mentionsByEntity } from "../db/queries/mentions.ts";
import type { Runner } from "../db/queries/query.ts";
import type { EntityNode, MentionValue, SanctionValue, TypeCountValue } from "../db/queries/rows.ts";
import type { SourceRecord } from "../model/records.ts";

type PageKey = Omit<RelationshipsPageParams, "ids"> & { id: string };
const pageOf = ({ types, direction, offset, limit, at }: PageKey) => JSON.stringify([types, direction, offset, limit, at ?? null]);
const keyOf = (key: PageKey) => `${key.id} ${pageOf(key)}`;

/** Bound on `Entity.mentions` and `Entity.candidateIn` (an OFAC record names a handful of parties at most). */
const MENTIONS_PER_ENTITY = 100;

/** Per-request batch loaders, so that a page of entities costs one query per field, not one per entity. */
export function createLoaders(graph: Runner, signal?: AbortSignal) {
  const byKey = <T>(keys: readonly string[], map: Map<string, T>, fallback: T) => keys.map((k) => map.get(k) ?? fallback);

  const entity = new DataLoader<string, EntityNode | null>(async (ids) => {
    const rows = await entitiesById(graph, { ids }, signal);
    // Keyed by the id asked for: a former id or referent answers with the entity it now belongs to.
    return byKey(ids, new Map(rows.map((r) => [r.id, r.entity])), null);
  });

  const sanctions = new DataLoader<string, SanctionValue[]>(async (ids) => {
    const rows = await sanctionsByEntity(graph, { ids }, signal);
    return byKey(ids, new Map(rows.map((r) => [r.id, r.sanctions])), []);
  });

  const source = new DataLoader<string, SourceRecord | null>(async (ids) => {
    const rows = await sourcesById(graph, { ids }, signal);
    return byKey(ids, new Map(rows.map((r) => [r.source.id, r.source])), null);
  });

  const relationshipCounts = new DataLoader<string, TypeCountValue[]>(async (ids) => {
    const rows = await relationshipCountsOf(graph, { ids }, signal);
    return byKey(ids, new Map(rows.map((r) => [r.id, r.counts])), []);
  });

  const sanctionedNeighbours = new DataLoader<string, number>(async (ids) => {
    const rows = await sanctionedNeighboursOf(graph, { ids }, signal);
    return byKey(ids, new Map(rows.map((r) => [r.id, r.count])), 0);
  });

  /** Whether an entity was sanctioned on a day; keys are `day|id` (a batch may mix days: one query per day). */
  const sanctionedAt = new DataLoader<string, boolean>(async (keys) => {
    const byDay = new Map<string, string[]>();
    for (const key of keys) {
      const [day, id] = [key.slice(0, key.indexOf("|")), key.slice(key.indexOf("|") + 1)];
      byDay.set(day, [...(byDay.get(day) ?? []), id]);
    }
    const answers = new Map<string, boolean>();
    for (const [day, ids] of byDay) {
      for (const r of await sanctionedAtOf(graph, { ids, at: day }, signal)) answers.set(`${day}|${r.id}`, r.sanctioned);
    }
    return keys.map((k) => answers.get(k) ?? false);
  });

  /**
   * One page of an entity's relationships. The entities of a list asking for the same page (`entities(ids) {
   * relationships(first: 50) }`) share one query: one per distinct page, not one per entity.
   */
  const relationshipsPage = new DataLoader<PageKey, RelationshipsPageRow | undefined, string>(
    async (keys) => {
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) groups.set(pageOf(key), [...(groups.get(pageOf(key)) ?? []), key]);
      const found = new Map<string, RelationshipsPageRow>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { id: _, ...page } = group[0];
          const rows = await relationshipsPageOf(graph, { ...page, ids: [...new Set(group.map((k) => k.id))] }, signal);
          for (const row of rows) found.set(keyOf({ ...page, id: row.id }), row);
        }),
      );
      return keys.map((k) => found.get(keyOf(k)));
    },
    { cacheKeyFn: keyOf },
  );

  const mentions = new DataLoader<string, { named: MentionValue[]; candidateIn: MentionValue[] }>(async (ids) => {
    const rows = await mentionsByEntity(graph, { ids, limit: MENTIONS_PER_ENTITY }, signal);
    return byKey(ids, new Map(rows.map(({ id, ...mentions }) => [id, mentions])), { named: [], candidateIn: [] });
  });

  /** Entities that arrive inside a path or subgraph are primed, so resolving hop ends costs nothing. */
  const prime = (nodes: EntityNode[]) => {
    for (const node of nodes) entity.prime(node.id, node);
    return nodes;
  };

  /** Sources by id, skipping ids with no Source node. */
  const sources = async (ids: string[] | undefined) =>
    (await source.loadMany(ids ?? [])).filter((s): s is SourceRecord => s != null && !(s instanceof Error));

  return { entity, sanctions, sanctionedAt, relationshipCounts, relationshipsPage, sanctionedNeighbours, mentions, prime, sources };
}

export type Loaders = ReturnType<typeof createLoaders>;
