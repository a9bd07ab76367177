import { statements } from "./cypher.ts";
import { type Graph, translate } from "./graph.ts";

/** Applies cypher/schema.cypher (every statement is IF NOT EXISTS) and waits until the indexes are online. */
export async function applySchema(graph: Graph): Promise<void> {
  try {
    for (const statement of statements("schema")) {
      await graph.driver.executeQuery(statement, {}, { database: graph.database });
    }
    await graph.driver.executeQuery("CALL db.awaitIndexes(120)", {}, { database: graph.database });
  } catch (error) {
    // A database that is down is said so (CLIs exit 3), as for every other query.
    throw translate(error);
  }
}
