import { metadata } from "../../db/queries/metadata.ts";
import { type PathParams, paths, shortestPath, shortestPaths } from "../../db/queries/paths.ts";
import type { EntityNode, PathValue } from "../../db/queries/rows.ts";
import { neighbourhood, subgraph } from "../../db/queries/subgraphs.ts";
import { candidates } from "../../matching/match.ts";
import { rankSearch } from "../../matching/search.ts";
import { RELATIONSHIP_TYPES } from "../../model/vocabulary.ts";
import { atArgument, readOn } from "../as-of.ts";
import type { Context } from "../context.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { badInput, notFound } from "../errors.ts";
import type { QueryPathsArgs, QueryResolvers, QueryShortestPathsArgs } from "../generated.ts";
import { boundedList, intInRange, LIMITS, relationshipTypes, schemata, searchText } from "../limits.ts";

type PathArgs = QueryPathsArgs | QueryShortestPathsArgs;

/** Checks made before any query: the ends differ and the avoid list does not contain them. */
function checkArguments({ from, to, avoid }: PathArgs) {
  boundedList("avoid", avoid);
  if (from === to) throw badInput("to", "must differ from `from`.");
  for (const id of avoid ?? []) if (id === from || id === to) throw badInput("avoid", `cannot contain the path's own end "${id}".`);
}

/** A path query that found nothing asks (once) whether an end is missing, so the happy path costs one query. */
async function explainEmpty(ctx: Context, { from, to }: PathArgs) {
  const [a, b] = await ctx.loaders.entity.loadMany([from, to]);
  if (!a || a instanceof Error) throw notFound("from", from);
  if (!b || b instanceof Error) throw notFound("to", to);
}

/** A path as the API shows it: the hops in order, each with the relationship and the way it was followed. */
export function toPath(ctx: Context, path: PathValue, at: string | null = null) {
  ctx.loaders.prime(path.nodes);
  const nodes = readOn(path.nodes, at);
  const relationships = readOn(path.relationships, at);
  return {
    length: relationships.length,
    nodes,
    hops: relationships.map((relationship, i) => ({
      from: nodes[i],
      to: nodes[i + 1],
      relationship,
      direction: relationship.source === nodes[i].id ? ("OUTGOING" as const) : ("INCOMING" as const),
    })),
  };
}

function pathParams(args: PathArgs, maxHops: number): PathParams {
  return {
    from: args.from,
    to: args.to,
    maxHops,
    types: relationshipTypes("relationshipTypes", args.relationshipTypes),
    direction: args.direction ?? "ANY",
    avoid: args.avoid ?? [],
    at: atArgument(args.at),
  };
}

export const Query: QueryResolvers = {
  entity: (_, { id }, ctx) => ctx.loaders.entity.load(id),

  entities: async (_, { ids }, ctx) => {
    if (ids.length > LIMITS.maxIds) throw badInput("ids", `at most ${LIMITS.maxIds} ids, got ${ids.length}.`);
    // An Error in the list (a failed batch) becomes null at its index with the error reported (graphql-js).
    return (await ctx.loaders.entity.loadMany(ids)) as (EntityNode | null)[];
  },

  search: async (_, args, ctx) => {
    const limit = intInRange("first", args.first, 1, LIMITS.maxSearchPage);
    const offset = decodeCursor("after", args.after);
    const at = atArgument(args.at);
    const filters = {
      schemata: schemata("schemata", args.schemata),
      countries: boundedList("countries", args.countries)?.map((c) => c.toLowerCase()) ?? null,
      sanctioned: args.sanctioned ?? null,
      at,
    };
    const hits = await candidates(ctx.graph, searchText("query", args.query), filters, ctx.request.signal);
    if (!hits) throw badInput("query", "must contain at least one letter or digit.");
    const rows = rankSearch(args.query, hits);
    const page = rows.slice(offset, offset + limit);
    ctx.loaders.prime(page.flatMap((row) => [row.entity, ...row.sameAs]));
    return {
      totalCount: rows.length,
      edges: page.map((row, i) => ({
        ...row,
        cursor: encodeCursor(offset + i + 1),
        node: readOn([row.entity], at)[0],
        sameAs: readOn(row.sameAs, at),
      })),
      pageInfo: { hasNextPage: offset + page.length < rows.length, endCursor: page.length ? encodeCursor(offset + page.length) : null },
    };
  },

  neighbourhood: async (_, args, ctx) => {
    const depth = intInRange("depth", args.depth, 1, LIMITS.maxDepth);
    const limit = intInRange("limit", args.limit, 1, LIMITS.maxNeighbourhood);
    const at = atArgument(args.at);
    const [found] = await neighbourhood(
      ctx.graph,
      {
        id: args.id,
        depth,
        types: relationshipTypes("relationshipTypes", args.relationshipTypes),
        schemata: schemata("schemata", args.schemata),
        limit,
        at,
      },
      ctx.request.signal,
    );
    if (!found) throw notFound("id", args.id);
    ctx.loaders.prime(found.nodes);
    return { ...found, nodes: readOn(found.nodes, at), edges: readOn(found.edges, at) };
  },

  subgraph: async (_, args, ctx) => {
    const ids = [...new Set(args.ids)];
    if (ids.length > LIMITS.maxSubgraphIds) throw badInput("ids", `at most ${LIMITS.maxSubgraphIds} ids, got ${ids.length}.`);
    const types = relationshipTypes("relationshipTypes", args.relationshipTypes);
    const at = atArgument(args.at);
    const [found] = await subgraph(ctx.graph, { ids, types, at }, ctx.request.signal);
    ctx.loaders.prime(found.nodes);
    return { ...found, nodes: readOn(found.nodes, at), edges: readOn(found.edges, at), truncated: false };
  },

  shortestPaths: async (_, args, ctx) => {
    const maxHops = intInRange("maxHops", args.maxHops, 1, LIMITS.maxHops);
    const k = intInRange("k", args.k, 1, LIMITS.maxK);
    checkArguments(args);
    // k = 1: legacy shortestPath(), a node-level bidirectional BFS, is far cheaper through super-nodes
    // (6 hops at 1M entities: 33 ms against 1.2 s for SHORTEST 1; docs/scale.md).
    const params = pathParams(args, maxHops);
    const found =
      k === 1
        ? await shortestPath(ctx.graph, params, ctx.request.signal)
        : await shortestPaths(ctx.graph, { ...params, k }, ctx.request.signal);
    if (!found.length) await explainEmpty(ctx, args);
    return found.map((path) => toPath(ctx, path, params.at ?? null));
  },

  paths: async (_, args, ctx) => {
    const maxHops = intInRange("maxHops", args.maxHops, 1, LIMITS.maxPathHops);
    const first = intInRange("first", args.first, 1, LIMITS.maxPaths);
    checkArguments(args);
    const params = pathParams(args, maxHops);
    const found = await paths(ctx.graph, { ...params, first }, ctx.request.signal);
    if (!found.length) await explainEmpty(ctx, args);
    return found.map((path) => toPath(ctx, path, params.at ?? null));
  },

  metadata: async (_, __, ctx) => {
    const [r] = await metadata(ctx.graph, {}, ctx.request.signal);
    const typeCounts = new Map(r.relationshipTypes.map((t) => [t.name, t.count]));
    return {
      entityCount: r.entityCount,
      relationshipCount: [...typeCounts.values()].reduce((a, b) => a + b, 0),
      schemata: r.schemata,
      relationshipTypes: RELATIONSHIP_TYPES.map((t) => ({ ...t, ftmSchema: t.ftm.schema, count: typeCounts.get(t.type) ?? 0 })),
      programs: r.programs,
      datasets: r.datasets,
      publishers: r.publishers,
      limits: LIMITS,
    };
  },
};
