import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import type { GraphQLError } from "graphql";

/**
 * Armor words its rejections as syntax errors without a code; they are refusals of an operation that is too
 * big, so they get OPERATION_LIMIT_EXCEEDED and a message that names the limit (Armor's own, e.g. "Query depth
 * limit of 12 exceeded, found 13."). The error is Armor's to throw; only its wording and code change here.
 */
function coded(_: unknown, error: GraphQLError) {
  error.message = `Operation refused: ${error.message.replace(/^Syntax Error: /, "")}`;
  Object.assign(error.extensions, { code: "OPERATION_LIMIT_EXCEEDED", http: { spec: true, status: 400 } });
}

const onReject = [coded];

/**
 * Static limits on operations (GraphQL Armor). Depth 12 leaves room for entity -> relationships -> edges ->
 * node -> relationships -> ...; list sizes are bounded separately by the resolvers' argument limits.
 */
export const useArmor = () =>
  EnvelopArmorPlugin({
    maxDepth: { n: 12, onReject },
    costLimit: { maxCost: 20_000, onReject },
    maxAliases: { n: 15, onReject },
    maxTokens: { n: 2_000, onReject },
    maxDirectives: { n: 20, onReject },
    blockFieldSuggestion: { enabled: false },
  });
