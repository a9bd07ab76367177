import { createYoga } from "graphql-yoga";
import type { Graph } from "./db/graph.ts";
import { createLoaders } from "./graphql/loaders.ts";
import { useArmor } from "./graphql/plugins/armor.ts";
import { useCodedErrors } from "./graphql/plugins/coded-errors.ts";
import { maskErrors } from "./graphql/plugins/errors.ts";
import { useHealth } from "./graphql/plugins/health.ts";
import { schema } from "./graphql/schema.ts";

export interface YogaOptions {
  graph: Graph;
  /** Where unexpected errors are logged (they are masked in responses). */
  logError?: (error: unknown) => void;
}

/** Largest request body: a GraphQL operation with its variables is a few kB; 1 MB leaves room and bounds parsing. */
export const MAX_BODY_BYTES = 1_000_000;

/** The GraphQL server, built apart from where it listens (tests call `yoga.fetch` in-process). */
export function createYogaServer({ graph, logError = (e) => console.error(e) }: YogaOptions) {
  return createYoga({
    schema,
    graphqlEndpoint: "/graphql",
    // Liveness of the process alone; /health (plugins/health.ts) also asks the database.
    healthCheckEndpoint: "/live",
    graphiql: { title: "Sanctions graph", defaultQuery: EXAMPLE_QUERY },
    landingPage: false,
    maskedErrors: { maskError: maskErrors(logError) },
    context: ({ request }) => ({ graph, loaders: createLoaders(graph, request.signal) }),
    maxRequestBodySize: MAX_BODY_BYTES,
    multipart: false,
    plugins: [useHealth(graph), useArmor(), useCodedErrors({ maxBodyBytes: MAX_BODY_BYTES })],
    logging: "warn",
  });
}

const EXAMPLE_QUERY = `# How is Liaoning China Trade Industry connected to Jong In Chol?
query {
  shortestPaths(from: "ofac-52264", to: "ofac-52289", maxHops: 4) {
    length
    hops {
      from { name }
      relationship { type role sources { publisher excerpt url } }
      to { name }
    }
  }
}
`;
