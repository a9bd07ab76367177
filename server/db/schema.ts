import { cypher, statements } from "./cypher.ts";
import { type Graph, integerParams, translate } from "./graph.ts";

/**
 * Applies cypher/schema.cypher (every statement is IF NOT EXISTS) and waits until the indexes are online.
 * `waitSeconds`: how long constraints and indexes may take to build (a bulk load builds them over millions of nodes).
 */
export async function applySchema(graph: Graph, { waitSeconds = 120 } = {}): Promise<void> {
  // The indexes first and in one transaction: Neo4j fills the indexes created together in one scan of the store, in
  // the background. Then the constraints, each of which fills its own index before it returns, meanwhile.
  const all = statements("schema");
  const constraint = (statement: string) => /^CREATE\s+CONSTRAINT\b/i.test(statement);
  const config = { database: graph.database, transactionConfig: transaction(waitSeconds) };
  const session = graph.driver.session({ database: graph.database });
  try {
    await session.executeWrite(async (tx) => {
      for (const statement of all.filter((s) => !constraint(s))) await tx.run(statement);
    }, config.transactionConfig);
    for (const statement of all.filter(constraint)) await graph.driver.executeQuery(statement, {}, config);
  } catch (error) {
    // A database that is down is said so (CLIs exit 3), as for every other query.
    throw translate(error);
  } finally {
    await session.close();
  }
  await awaitIndexes(graph, waitSeconds);
}

/** A transaction allowed to run past the server's default timeout (neo4j.conf) while it waits `seconds`. */
const transaction = (seconds: number) => ({ timeout: (seconds + 60) * 1000 });

/** Waits until every index is online (cypher/admin/await-indexes.cypher): after the schema, or a large import. */
export async function awaitIndexes(graph: Graph, seconds = 120): Promise<void> {
  try {
    await graph.driver.executeQuery(cypher("admin/await-indexes"), integerParams({ seconds }), {
      database: graph.database,
      transactionConfig: transaction(seconds),
    });
  } catch (error) {
    throw translate(error);
  }
}

/**
 * Deletes everything (cypher/admin/empty-database.cypher): tests and benchmarks, on their own database only.
 * Its CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence a session of its own.
 */
export async function emptyDatabase(graph: Graph): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    await session.run(cypher("admin/empty-database"));
  } catch (error) {
    throw translate(error);
  } finally {
    await session.close();
  }
}
