import { cypher, statements } from "./cypher.ts";
import { type Graph, integerParams, translate } from "./graph.ts";

/** Applies cypher/schema.cypher (every statement is IF NOT EXISTS) and waits until the indexes are online. */
export async function applySchema(graph: Graph): Promise<void> {
  try {
    for (const statement of statements("schema")) {
      await graph.driver.executeQuery(statement, {}, { database: graph.database });
    }
  } catch (error) {
    // A database that is down is said so (CLIs exit 3), as for every other query.
    throw translate(error);
  }
  await awaitIndexes(graph);
}

/** Waits until every index is online (cypher/admin/await-indexes.cypher): after the schema, or a large import. */
export async function awaitIndexes(graph: Graph, seconds = 120): Promise<void> {
  try {
    await graph.driver.executeQuery(cypher("admin/await-indexes"), integerParams({ seconds }), { database: graph.database });
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
