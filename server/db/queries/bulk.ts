// The offline import's question to a database before it replaces it (server/import/bulk).
import { readQuery } from "./query.ts";

/** cypher/import/bulk-non-empty.cypher: whether the database holds any node. */
export const databaseHasData = readQuery<Record<string, never>, { nonEmpty: boolean }>("import/bulk-non-empty", 30_000);
