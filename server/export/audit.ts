/** The audit log as JSON lines, oldest first, each event with its sources: it goes out with the FtM export. */
import type { Graph } from "../db/graph.ts";

export async function* exportAudit(graph: Graph, pageSize = 5_000): AsyncGenerator<Record<string, unknown>> {
  let after = "";
  for (;;) {
    const result = await graph.read("export/audit", { after, limit: pageSize }, { timeoutMs: 60_000 });
    for (const record of result.records) {
      const { inputDigest, ...event } = record.get("event");
      yield { ...event, before: event.before ? JSON.parse(event.before) : null, after: event.after ? JSON.parse(event.after) : null };
    }
    if (result.records.length < pageSize) return;
    after = result.records.at(-1)?.get("key");
  }
}
