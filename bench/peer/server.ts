import { createServer, type Server } from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import type { Driver } from "neo4j-driver";
import { peerTypeDefs } from "./type-defs.ts";

/**
 * The peer API over HTTP: @neo4j/graphql's schema from bench/peer/type-defs.ts served by graphql-yoga on Node's
 * http server at /graphql, on the same driver settings as ours (one driver, the `neo4j` database, reads routed
 * as reads), so the two differ only in the GraphQL layer.
 */
export async function createPeerServer(driver: Driver, database: string): Promise<Server> {
  const schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs(), driver }).getSchema();
  const yoga = createYoga({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: false,
    logging: false,
    context: { cypherQueryOptions: {}, sessionConfig: { database } },
  });
  return createServer(yoga);
}
