import type { RelationshipValue } from "../../db/queries/rows.ts";
import { checkMatchQuery, MATCH_LIMITS, MatchInputError } from "../../matching/input.ts";
import { DEFAULT_THRESHOLD, match } from "../../matching/match.ts";
import type { MatchQuery } from "../../matching/score.ts";
import type { Context } from "../context.ts";
import { badInput } from "../errors.ts";
import type { Resolvers } from "../generated.ts";
import { intInRange } from "../limits.ts";

function threshold(value: number | null | undefined): number {
  if (value == null) return DEFAULT_THRESHOLD;
  if (!(value >= 0 && value <= 1)) throw badInput("threshold", `must be from 0 to 1, got ${value}.`);
  return value;
}

function checked(input: MatchQuery, prefix = ""): MatchQuery {
  try {
    return checkMatchQuery(input);
  } catch (error) {
    if (error instanceof MatchInputError) throw badInput(`${prefix}${error.field}`, error.message);
    throw error;
  }
}

async function candidatesFor(ctx: Context, query: MatchQuery, first: number, limit: number) {
  const hits = await match(ctx.graph, query, ctx.request.signal);
  const page = hits.slice(0, first);
  ctx.loaders.prime(page.map((h) => h.entity));
  return page.map((h) => ({ ...h, match: h.score >= limit }));
}

const MatchingQuery = {
  match: (_: unknown, args: MatchQuery & { first: number; threshold?: number | null }, ctx: Context) =>
    candidatesFor(ctx, checked(args), intInRange("first", args.first, 1, MATCH_LIMITS.maxFirst), threshold(args.threshold)),

  screen: async (_: unknown, args: { entries: MatchQuery[]; first: number; threshold?: number | null }, ctx: Context) => {
    if (args.entries.length > MATCH_LIMITS.maxScreenEntries)
      throw badInput(
        "entries",
        `at most ${MATCH_LIMITS.maxScreenEntries} entries per request, got ${args.entries.length}; send several requests.`,
      );
    const first = intInRange("first", args.first, 1, MATCH_LIMITS.maxFirst);
    const limit = threshold(args.threshold);
    const queries = args.entries.map((e, i) => checked(e, `entries[${i}].`));
    const results = [];
    // One at a time: a batch must not take every database connection from other requests.
    for (const query of queries) results.push({ name: query.name, candidates: await candidatesFor(ctx, query, first, limit) });
    return results;
  },
};

const list = (value: unknown): string[] => (value == null ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

const MatchingRelationship = {
  evidence: (r: RelationshipValue) => list(r.evidence),
  confidence: (r: RelationshipValue) => list(r.confidence)[0] ?? null,
};

export const matchingResolvers: Resolvers = { Query: MatchingQuery, Relationship: MatchingRelationship };
