/** The audit log as JSON lines, oldest first, each event with its sources: it goes out with the FtM export. */
import type { Graph } from "../db/graph.ts";
import { auditPage } from "../db/queries/export.ts";

export async function* exportAudit(graph: Graph, pageSize = 5_000): AsyncGenerator<Record<string, unknown>> {
  let after = "";
  for (;;) {
    const rows = await auditPage(graph, { after, limit: pageSize });
    for (const row of rows) {
      const { inputDigest, ...event } = row.event;
      yield { ...event, before: parsed(event.before), after: parsed(event.after) };
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].key;
  }
}

/** The audit log keeps an entity's state before and after as JSON text. */
const parsed = (json: unknown) => (typeof json === "string" && json ? JSON.parse(json) : null);
