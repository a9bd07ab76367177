import type { TestProject } from "vitest/node";
import { type LocalNeo4j, startNeo4j } from "../../server/neo4j/launcher.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/**
 * Starts one real Neo4j (fresh data directory, free port) for the run and stops it by its PID at the end.
 * TEST_NEO4J_URI reuses a server you already run instead. If neither works, the run fails: no test passes without a database.
 */
export default async function setup(project: TestProject) {
  const server: LocalNeo4j | undefined = process.env.TEST_NEO4J_URI ? undefined : await startNeo4j({ log: () => {} });
  project.provide("neo4jUri", process.env.TEST_NEO4J_URI ?? (server as LocalNeo4j).uri);
  return async () => {
    await server?.stop();
  };
}
