import { importRealLists } from "../../bench/matching/real-lists.ts";
import type { Graph } from "../../server/db/graph.ts";
import { resetDatabase } from "./graph.ts";

/** A fresh database with the seed and every real list (bench/matching/real-lists.ts), SAME_AS links included. */
export async function loadRealLists(graph: Graph) {
  await resetDatabase(graph);
  return importRealLists(graph);
}
