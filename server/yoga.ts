import type { GraphQLError } from "graphql";
import { createYoga, type YogaLogger } from "graphql-yoga";
import type { AuthConfig } from "./auth/config.ts";
import type { Graph } from "./db/graph.ts";
import { createLoaders } from "./graphql/loaders.ts";
import { useArmor } from "./graphql/plugins/armor.ts";
import { useAuth } from "./graphql/plugins/auth.ts";
import { useCodedErrors } from "./graphql/plugins/coded-errors.ts";
import { corsFor } from "./graphql/plugins/cors.ts";
import { maskErrors } from "./graphql/plugins/errors.ts";
import { type FairShareOptions, useFairShare } from "./graphql/plugins/fair-share.ts";
import { useHealth } from "./graphql/plugins/health.ts";
import { schema } from "./graphql/schema.ts";
import { WatchService, type WatchServiceOptions } from "./watches/service.ts";

export interface YogaOptions {
  graph: Graph;
  /** Where unexpected errors are logged, with their stack (they are masked in responses). */
  logError?: (error: unknown) => void;
  /** Where everything else worth noting goes, one line each (a database away, a client that hung up). */
  logLine?: (line: string) => void;
  /** One deadline (ms) over all of a request's database work; past it the request ends with a coded error. */
  deadlineMs?: number;
  /** Origins other than the API's own whose scripts may call it (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** Token verification (server/auth/config.ts); without a secret or JWKS URL, every write is refused. */
  auth?: AuthConfig;
  /** Request budgets and heavy-query slots per client; none when omitted (in-process callers, tests). */
  fairShare?: FairShareOptions;
  /** Webhook allow-list and the live feed's poll interval. */
  watches?: WatchServiceOptions;
}

export const DEFAULT_DEADLINE_MS = 10_000;

/** Largest request body: a GraphQL operation with its variables is a few kB; 1 MB leaves room and bounds parsing. */
export const MAX_BODY_BYTES = 1_000_000;

/** The error a GraphQL error wraps (Yoga logs the wrapper). */
const cause = (e: Error): Error =>
  e.name === "GraphQLError" && (e as GraphQLError).originalError ? cause((e as GraphQLError).originalError as Error) : e;

/** Yoga's own log: one line per event (an error's name and message), never a stack trace. */
function oneLineLogger(write: (line: string) => void): YogaLogger {
  const text = (a: unknown) => (a instanceof Error ? `${cause(a).name}: ${cause(a).message}` : String(a));
  const line = (...args: unknown[]) => write(args.map(text).join(" "));
  return { debug: () => {}, info: () => {}, warn: line, error: line };
}

/** The GraphQL server, built apart from where it listens (tests call `yoga.fetch` in-process). */
export function createYogaServer({
  graph,
  logError = (e) => console.error(e),
  logLine = (line) => console.warn(line),
  deadlineMs = DEFAULT_DEADLINE_MS,
  corsOrigins = [],
  auth = NO_AUTH,
  fairShare,
  watches: watchOptions,
}: YogaOptions) {
  const watches = new WatchService(graph, { log: logError, ...watchOptions });
  return createYoga({
    schema,
    graphqlEndpoint: "/graphql",
    // Liveness of the process alone; /health (plugins/health.ts) also asks the database.
    healthCheckEndpoint: "/live",
    graphiql: { title: "Sanctions graph", defaultQuery: EXAMPLE_QUERY },
    // GraphiQL from our own dependencies, inlined into its page: it works without internet (Yoga's default loads
    // it from a CDN). Imported on first use: the bundle is 9 MB.
    renderGraphiQL: async (options) => (await import("@graphql-yoga/render-graphiql")).renderGraphiQL(options),
    cors: corsFor(corsOrigins),
    landingPage: false,
    maskedErrors: { maskError: maskErrors(logError) },
    context: ({ request }) => {
      const scoped = graph.until({ at: Date.now() + deadlineMs, signal: request.signal });
      return { graph: scoped, watches, loaders: createLoaders(scoped, request.signal) };
    },
    maxRequestBodySize: MAX_BODY_BYTES,
    multipart: false,
    plugins: [
      useHealth(graph),
      useArmor(),
      useCodedErrors({ maxBodyBytes: MAX_BODY_BYTES }),
      useAuth(auth),
      ...(fairShare ? [useFairShare(fairShare)] : []),
    ],
    logging: oneLineLogger(logLine),
  });
}

const NO_AUTH: AuthConfig = { roleClaim: "role", publicReads: true };

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
