import type { EntityNode, RelationshipValue } from "../../db/queries/rows.ts";
import { DISTINGUISHING_DATES, IDENTIFIER_PROPERTIES } from "../../model/properties.ts";
import { relationshipType } from "../../model/vocabulary.ts";
import { atArgument, dayOf, readOn } from "../as-of.ts";
import type { Context } from "../context.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import type { EntityResolvers, RelationshipConnectionResolvers, RelationshipResolvers, SanctionResolvers } from "../generated.ts";
import { intInRange, LIMITS, relationshipTypes } from "../limits.ts";
import { ENTITY_INTERNAL, ftmProperties, RELATIONSHIP_INTERNAL } from "../model.ts";

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export const Entity: EntityResolvers = {
  aliases: (e) => list(e.aliases),
  countries: (e) => list(e.countries),
  topics: (e) => list(e.topics),
  datasets: (e) => list(e.datasets),
  // Sanctioned now; for an entity a query read as of a day (`at`), sanctioned on that day.
  sanctioned: (e, _, ctx) => {
    const day = dayOf(e);
    return day ? ctx.loaders.sanctionedAt.load(`${day}|${e.id}`) : e.sanctioned === true;
  },
  identifiers: (e) =>
    [...DISTINGUISHING_DATES, ...IDENTIFIER_PROPERTIES].flatMap((type) => list(e[type]).map((value) => ({ type, value }))),
  properties: (e) => ftmProperties(e, ENTITY_INTERNAL),
  sanctions: (e, _, ctx) => ctx.loaders.sanctions.load(e.id),
  sources: (e, _, ctx) => ctx.loaders.sources(e.sourceIds),
  relationshipCounts: (e, _, ctx) => ctx.loaders.relationshipCounts.load(e.id),
  relationships: async (e, args, ctx) => {
    const limit = intInRange("first", args.first, 1, LIMITS.maxRelationshipsPage);
    const offset = decodeCursor("after", args.after);
    const types = relationshipTypes("types", args.types);
    const at = atArgument(args.at);
    const row = await ctx.loaders.relationshipsPage.load({ id: e.id, types, direction: args.direction, offset, limit, at });
    const { total, page } = row ?? { total: 0, page: [] };
    ctx.loaders.prime(page.map((p) => p.other));
    return {
      entityId: e.id,
      totalCount: total,
      edges: page.map((p, i) => ({
        cursor: encodeCursor(offset + i + 1),
        node: readOn([p.relationship], at)[0],
        direction: p.direction,
        other: readOn([p.other], at)[0],
      })),
      pageInfo: { hasNextPage: offset + page.length < total, endCursor: page.length ? encodeCursor(offset + page.length) : null },
    };
  },
};

export const RelationshipConnection: RelationshipConnectionResolvers = {
  // Loaded only when asked for (it is one more query).
  countsByType: (c, _, ctx) => ctx.loaders.relationshipCounts.load(c.entityId),
};

/**
 * A relationship's end, read for the day the relationship was read for (if any). A relationship whose end is gone
 * is a broken graph, reported (masked) as an internal error.
 */
async function end(ctx: Context, r: RelationshipValue, id: string): Promise<EntityNode> {
  const entity = await ctx.loaders.entity.load(id);
  if (!entity) throw new Error(`Relationship end "${id}" is not in the graph.`);
  return readOn([entity], dayOf(r))[0];
}

export const Relationship: RelationshipResolvers = {
  label: (r) => relationshipType(r.type)?.label ?? r.type,
  properties: (r) => ftmProperties(r, RELATIONSHIP_INTERNAL),
  source: (r, _, ctx) => end(ctx, r, r.source),
  target: (r, _, ctx) => end(ctx, r, r.target),
  sources: (r, _, ctx) => ctx.loaders.sources(r.sourceIds),
};

export const Sanction: SanctionResolvers = {
  active: (s) => !s.delistedOn && (!s.endDate || s.endDate >= new Date().toISOString().slice(0, 10)),
  sources: (s, _, ctx) => ctx.loaders.sources(s.sourceIds),
};
