import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";

/**
 * Static limits on operations (GraphQL Armor). Depth 12 leaves room for entity -> relationships -> edges ->
 * node -> relationships -> ...; list sizes are bounded separately by the resolvers' argument limits.
 */
export const useArmor = () =>
  EnvelopArmorPlugin({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 15 },
    maxTokens: { n: 2_000 },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: false },
  });
