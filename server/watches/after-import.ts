/**
 * What every import path runs once it has changed the graph (`npm run import -- <format>`, `npm run import --
 * history`): watches near the change raise their alerts now, not at the API's next write, and their webhooks are
 * called before the process exits. The API's subscribers learn of the alerts by polling (server/watches/service.ts).
 */
import { readConfig } from "../config.ts";
import type { Graph } from "../db/graph.ts";
import { evaluateWatches } from "./evaluate.ts";
import { webhookOptions } from "./webhook.ts";

export async function alertWatchesAfterImport(graph: Graph, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
  const { alerts, deliveries } = await evaluateWatches(graph, webhookOptions(readConfig()), log);
  await deliveries;
  if (alerts.length) log(`Watches: ${alerts.length} alert(s) raised.`);
  return alerts;
}
