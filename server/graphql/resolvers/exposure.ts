import { applyRule, RULES, type Structure, type StructureLink, type StructureNode } from "../../analysis/ownership.ts";
import { exposure as exposureQuery, hubs as hubsQuery, ownershipOwners, ownershipSubject } from "../../db/queries/exposure.ts";
import type { EntityNode, SanctionValue } from "../../db/queries/rows.ts";
import { authorityPatterns } from "../../model/authorities.ts";
import { atArgument, dayOrToday } from "../as-of.ts";
import type { Context } from "../context.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { badInput, notFound } from "../errors.ts";
import type { QueryExposureArgs, QueryHubsArgs, QueryOwnershipArgs, Resolvers } from "../generated.ts";
import { intInRange, LIMITS, relationshipTypes, schemata } from "../limits.ts";
import { toPath } from "./query.ts";

/** Counts per name, highest first (ties by name). */
function countBy(names: string[][]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const list of names) for (const name of new Set(list.filter(Boolean))) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

async function exposure(_: unknown, args: QueryExposureArgs, ctx: Context) {
  const maxHops = intInRange("maxHops", args.maxHops ?? 3, 1, LIMITS.maxExposureHops);
  const first = intInRange("first", args.first ?? 20, 1, LIMITS.maxExposurePage);
  const maxDegree = intInRange("maxDegree", args.maxDegree ?? 1000, 1, 100_000);
  const { at, past } = dayOrToday(args.at);
  const avoid = [...new Set(args.avoid ?? [])];
  if (avoid.includes(args.id)) throw badInput("avoid", `cannot contain the entity itself ("${args.id}").`);
  const offset = decodeCursor("after", args.after);
  // The entity itself is needed either way: loaded beside the exposure query rather than after it (one round trip
  // less). Its failure, if any, is reported where it is awaited below.
  const loading = ctx.loaders.entity.load(args.id);
  loading.catch(() => {});
  const [row] = await exposureQuery(
    ctx.graph,
    {
      id: args.id,
      maxHops,
      types: relationshipTypes("relationshipTypes", args.relationshipTypes),
      authorities: authorityPatterns(args.authorities),
      avoid,
      at,
      past,
      maxDegree,
      scan: LIMITS.maxExposureParties,
      offset,
      first,
    },
    ctx.request.signal,
  );
  if (!row) throw notFound("id", args.id);
  const { total, summary, page } = row;
  const distances = new Map<number, number>();
  for (const s of summary) distances.set(s.distance, (distances.get(s.distance) ?? 0) + 1);
  const entity = await loading;
  if (!entity) throw notFound("id", args.id);
  return {
    entity,
    at,
    maxHops,
    maxDegree,
    avoided: avoid,
    totalCount: total,
    complete: !row.more,
    leftOut: Math.max(0, total - offset - page.length),
    byAuthority: countBy(summary.map((s) => s.authorities)),
    byProgram: countBy(summary.map((s) => s.programs)),
    byDistance: [...distances].map(([hops, count]) => ({ hops, count })).sort((a, b) => a.hops - b.hops),
    parties: page.map((f) => ({
      entity: f.nodes[f.nodes.length - 1],
      distance: f.distance,
      path: toPath(ctx, f),
      sanctions: f.sanctions,
    })),
    pageInfo: {
      hasNextPage: offset + page.length < total,
      endCursor: page.length ? encodeCursor(offset + page.length) : null,
    },
  };
}

type OwnershipNodeValue = StructureNode<EntityNode, SanctionValue>;

/**
 * Reads the ownership structure level by level upwards (one query per level, at most `maxDepth`), each entity
 * once (cycles end there), at most `maxOwnershipLinks` records in all; then applies the rule.
 */
async function ownership(_: unknown, args: QueryOwnershipArgs, ctx: Context) {
  const maxDepth = intInRange("maxDepth", args.maxDepth ?? 6, 1, LIMITS.maxOwnershipDepth);
  const { at, past } = dayOrToday(args.at);
  const ruleName = args.rule ?? "OFAC_50";
  const rule = RULES[ruleName];
  if (args.authorities && !args.authorities.length) throw badInput("authorities", "must name at least one authority, or be left out.");
  const authorities = authorityPatterns(args.authorities ?? [rule.defaultAuthorities]) as string[];
  const signal = ctx.request.signal;

  const [subject] = await ownershipSubject(ctx.graph, { id: args.id, at, authorities }, signal);
  if (!subject) throw notFound("id", args.id);
  const nodes = new Map<string, OwnershipNodeValue>();
  nodes.set(args.id, { id: args.id, entity: subject.entity, depth: 0, sanctions: subject.sanctions });
  const links: StructureLink[] = [];
  const seenLinks = new Set<string>();
  let frontier = [args.id];
  let truncated = false;
  let depth = 0;
  while (frontier.length && depth < maxDepth && !truncated) {
    depth++;
    const cap = LIMITS.maxOwnershipLinks - links.length;
    const rows = await ownershipOwners(
      ctx.graph,
      { ids: frontier, incoming: rule.incoming, outgoing: rule.outgoing, at, past, authorities, cap },
      signal,
    );
    truncated = rows.length > cap;
    const next: string[] = [];
    for (const { relationship, owner, sanctions } of rows.slice(0, cap)) {
      if (seenLinks.has(relationship.id)) continue;
      seenLinks.add(relationship.id);
      const ownsAsset = rule.incoming.includes(relationship.type);
      links.push({
        relationship,
        owner: owner.id,
        asset: ownsAsset ? relationship.target : relationship.source,
      });
      if (!nodes.has(owner.id)) {
        nodes.set(owner.id, { id: owner.id, entity: owner, depth, sanctions });
        next.push(owner.id);
      }
    }
    frontier = next;
  }
  const structure: Structure<EntityNode, SanctionValue> = {
    subject: args.id,
    nodes: [...nodes.values()],
    links,
    truncated,
    depthLimited: frontier.length > 0 && !truncated,
  };
  ctx.loaders.prime(structure.nodes.map((n) => n.entity));
  const answer = applyRule(structure, ruleName, at);
  return { entity: subject.entity, rule: ruleName, at, authorities, ...answer };
}

async function hubs(_: unknown, args: QueryHubsArgs, ctx: Context) {
  const first = intInRange("first", args.first ?? 20, 1, LIMITS.maxHubs);
  const at = atArgument(args.at);
  const rows = await hubsQuery(
    ctx.graph,
    { first, candidates: at ? first * 5 : first, schemata: schemata("schemata", args.schemata), at },
    ctx.request.signal,
  );
  ctx.loaders.prime(rows.map((r) => r.entity));
  return rows;
}

export const exposureResolvers: Resolvers = {
  Query: { exposure, ownership, hubs },
  Entity: {
    sanctionedNeighbours: (e: EntityNode, _: unknown, ctx: Context) => ctx.loaders.sanctionedNeighbours.load(e.id),
  },
};
