import { IDENTIFIER_PROPERTIES, relationshipType } from "../../model/vocabulary.ts";
import type { Context } from "../context.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { intInRange, LIMITS, relationshipTypes, TIMEOUTS } from "../limits.ts";
import {
  ENTITY_INTERNAL,
  type EntityNode,
  ftmProperties,
  RELATIONSHIP_INTERNAL,
  type RelationshipValue,
  type SanctionValue,
} from "../model.ts";

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export const Entity = {
  aliases: (e: EntityNode) => list(e.aliases),
  countries: (e: EntityNode) => list(e.countries),
  topics: (e: EntityNode) => list(e.topics),
  datasets: (e: EntityNode) => list(e.datasets),
  sanctioned: (e: EntityNode) => e.sanctioned === true,
  identifiers: (e: EntityNode) => IDENTIFIER_PROPERTIES.flatMap((type) => list(e[type]).map((value) => ({ type, value }))),
  properties: (e: EntityNode) => ftmProperties(e, ENTITY_INTERNAL),
  sanctions: (e: EntityNode, _: unknown, ctx: Context) => ctx.loaders.sanctions.load(e.id),
  sources: (e: EntityNode, _: unknown, ctx: Context) => ctx.loaders.sources(e.sourceIds),
  relationshipCounts: (e: EntityNode, _: unknown, ctx: Context) => ctx.loaders.relationshipCounts.load(e.id),
  relationships: async (
    e: EntityNode,
    args: { first: number; after?: string; types?: string[]; direction: "OUTGOING" | "INCOMING" | "ANY" },
    ctx: Context,
  ) => {
    const limit = intInRange("first", args.first, 1, LIMITS.maxRelationshipsPage);
    const offset = decodeCursor("after", args.after);
    const result = await ctx.graph.read(
      "read/relationships-page",
      { id: e.id, types: relationshipTypes("types", args.types), direction: args.direction, offset, limit },
      { signal: ctx.request.signal, timeoutMs: TIMEOUTS.neighbourhood },
    );
    const record = result.records[0];
    const total: number = record?.get("total") ?? 0;
    const page: { relationship: RelationshipValue; other: EntityNode; direction: string }[] = record?.get("page") ?? [];
    ctx.loaders.prime(page.map((p) => p.other));
    return {
      totalCount: total,
      countsByType: () => ctx.loaders.relationshipCounts.load(e.id),
      edges: page.map((p, i) => ({ cursor: encodeCursor(offset + i + 1), node: p.relationship, direction: p.direction, other: p.other })),
      pageInfo: { hasNextPage: offset + page.length < total, endCursor: page.length ? encodeCursor(offset + page.length) : null },
    };
  },
};

export const Relationship = {
  label: (r: RelationshipValue) => relationshipType(r.type)?.label ?? r.type,
  properties: (r: RelationshipValue) => ftmProperties(r, RELATIONSHIP_INTERNAL),
  source: (r: RelationshipValue, _: unknown, ctx: Context) => ctx.loaders.entity.load(r.source),
  target: (r: RelationshipValue, _: unknown, ctx: Context) => ctx.loaders.entity.load(r.target),
  sources: (r: RelationshipValue, _: unknown, ctx: Context) => ctx.loaders.sources(r.sourceIds),
};

export const Sanction = {
  active: (s: SanctionValue) => !s.endDate || s.endDate >= new Date().toISOString().slice(0, 10),
  sources: (s: SanctionValue, _: unknown, ctx: Context) => ctx.loaders.sources(s.sourceIds),
};
