import { RELATIONSHIP_TYPES } from "../../model/vocabulary.ts";
import type { Context } from "../context.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { badInput, notFound } from "../errors.ts";
import { intInRange, LIMITS, relationshipTypes, schemata, TIMEOUTS } from "../limits.ts";
import { luceneQuery } from "../lucene.ts";
import { matchedName } from "../matched-name.ts";
import type { EntityNode, PathValue, RelationshipValue } from "../model.ts";

type Direction = "OUTGOING" | "INCOMING" | "ANY";

interface PathArgs {
  from: string;
  to: string;
  maxHops: number;
  relationshipTypes?: string[] | null;
  direction: Direction;
  avoid?: string[] | null;
}

/** Checks made before any query: the ends differ and the avoid list does not contain them. */
function checkArguments({ from, to, avoid }: PathArgs) {
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
function toPath(ctx: Context, { nodes, relationships }: PathValue) {
  ctx.loaders.prime(nodes);
  return {
    length: relationships.length,
    nodes,
    hops: relationships.map((relationship, i) => ({
      from: nodes[i],
      to: nodes[i + 1],
      relationship,
      direction: relationship.source === nodes[i].id ? "OUTGOING" : "INCOMING",
    })),
  };
}

function pathParams(args: PathArgs) {
  return {
    from: args.from,
    to: args.to,
    types: relationshipTypes("relationshipTypes", args.relationshipTypes),
    direction: args.direction,
    avoid: args.avoid ?? [],
  };
}

export const Query = {
  entity: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.entity.load(id),

  entities: async (_: unknown, { ids }: { ids: string[] }, ctx: Context) => {
    if (ids.length > LIMITS.maxIds) throw badInput("ids", `at most ${LIMITS.maxIds} ids, got ${ids.length}.`);
    return ctx.loaders.entity.loadMany(ids);
  },

  search: async (
    _: unknown,
    args: { query: string; first: number; after?: string; schemata?: string[]; countries?: string[]; sanctioned?: boolean },
    ctx: Context,
  ) => {
    const lucene = luceneQuery(args.query);
    if (!lucene) throw badInput("query", "must contain at least one letter or digit.");
    const limit = intInRange("first", args.first, 1, LIMITS.maxSearchPage);
    const offset = decodeCursor("after", args.after);
    const result = await ctx.graph.read(
      "read/search",
      {
        lucene,
        scan: 1000,
        schemata: schemata("schemata", args.schemata),
        countries: args.countries?.map((c) => c.toLowerCase()) ?? null,
        sanctioned: args.sanctioned ?? null,
        offset,
        limit,
      },
      { signal: ctx.request.signal, timeoutMs: TIMEOUTS.search },
    );
    const record = result.records[0];
    const total: number = record.get("total");
    const page: { entity: EntityNode; score: number }[] = record.get("page");
    ctx.loaders.prime(page.map((h) => h.entity));
    return {
      totalCount: total,
      edges: page.map((hit, i) => ({
        cursor: encodeCursor(offset + i + 1),
        score: hit.score,
        node: hit.entity,
        matchedName: matchedName(args.query, hit.entity.name, hit.entity.aliases),
      })),
      pageInfo: { hasNextPage: offset + page.length < total, endCursor: page.length ? encodeCursor(offset + page.length) : null },
    };
  },

  neighbourhood: async (
    _: unknown,
    args: { id: string; depth: number; relationshipTypes?: string[]; schemata?: string[]; limit: number },
    ctx: Context,
  ) => {
    const depth = intInRange("depth", args.depth, 1, LIMITS.maxDepth);
    const limit = intInRange("limit", args.limit, 1, LIMITS.maxNeighbourhood);
    const params = {
      id: args.id,
      types: relationshipTypes("relationshipTypes", args.relationshipTypes),
      schemata: schemata("schemata", args.schemata),
      limit,
    };
    const result = await ctx.graph.read("read/neighbourhood", params, {
      bounds: { depth },
      signal: ctx.request.signal,
      timeoutMs: TIMEOUTS.neighbourhood,
    });
    const record = result.records[0];
    if (!record) throw notFound("id", args.id);
    return {
      nodes: ctx.loaders.prime(record.get("nodes")),
      edges: record.get("edges") as RelationshipValue[],
      omitted: record.get("omitted"),
      truncated: record.get("truncated"),
    };
  },

  subgraph: async (_: unknown, args: { ids: string[]; relationshipTypes?: string[] }, ctx: Context) => {
    const ids = [...new Set(args.ids)];
    if (ids.length > LIMITS.maxSubgraphIds) throw badInput("ids", `at most ${LIMITS.maxSubgraphIds} ids, got ${ids.length}.`);
    const types = relationshipTypes("relationshipTypes", args.relationshipTypes);
    const result = await ctx.graph.read("read/subgraph", { ids, types }, { signal: ctx.request.signal, timeoutMs: TIMEOUTS.neighbourhood });
    const record = result.records[0];
    return {
      nodes: ctx.loaders.prime(record.get("nodes")),
      edges: record.get("edges") as RelationshipValue[],
      omitted: record.get("omitted"),
      truncated: false,
    };
  },

  shortestPaths: async (_: unknown, args: PathArgs & { k: number }, ctx: Context) => {
    const maxHops = intInRange("maxHops", args.maxHops, 1, LIMITS.maxHops);
    const k = intInRange("k", args.k, 1, LIMITS.maxK);
    checkArguments(args);
    // k = 1: legacy shortestPath(), a node-level bidirectional BFS, is far cheaper through super-nodes
    // (6 hops at 1M entities: 33 ms against 1.2 s for SHORTEST 1; docs/scale.md).
    const query = k === 1 ? "read/shortest-path" : "read/shortest-paths";
    const result = await ctx.graph.read(query, pathParams(args), {
      bounds: { maxHops, k },
      signal: ctx.request.signal,
      timeoutMs: TIMEOUTS.paths,
    });
    if (!result.records.length) await explainEmpty(ctx, args);
    return result.records.map((r) => toPath(ctx, r.toObject() as PathValue));
  },

  paths: async (_: unknown, args: PathArgs & { first: number }, ctx: Context) => {
    const maxHops = intInRange("maxHops", args.maxHops, 1, LIMITS.maxPathHops);
    const first = intInRange("first", args.first, 1, LIMITS.maxPaths);
    checkArguments(args);
    const result = await ctx.graph.read(
      "read/paths",
      { ...pathParams(args), first },
      { bounds: { maxHops }, signal: ctx.request.signal, timeoutMs: TIMEOUTS.paths },
    );
    if (!result.records.length) await explainEmpty(ctx, args);
    return result.records.map((r) => toPath(ctx, r.toObject() as PathValue));
  },

  metadata: async (_: unknown, __: unknown, ctx: Context) => {
    const result = await ctx.graph.read(
      "read/metadata",
      { types: RELATIONSHIP_TYPES.map((t) => t.type) },
      { signal: ctx.request.signal, timeoutMs: TIMEOUTS.metadata },
    );
    const r = result.records[0];
    const typeCounts = new Map((r.get("relationshipTypes") as { name: string; count: number }[]).map((t) => [t.name, t.count]));
    return {
      entityCount: r.get("entityCount"),
      relationshipCount: [...typeCounts.values()].reduce((a, b) => a + b, 0),
      schemata: r.get("schemata"),
      relationshipTypes: RELATIONSHIP_TYPES.map((t) => ({ ...t, ftmSchema: t.ftm.schema, count: typeCounts.get(t.type) ?? 0 })),
      programs: r.get("programs"),
      datasets: r.get("datasets"),
      publishers: r.get("publishers"),
      limits: LIMITS,
    };
  },
};
