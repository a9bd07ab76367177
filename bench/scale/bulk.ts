/**
 * The scale benchmark's bulk-load phase: the same generated file loaded by `npm run import -- bulk` (neo4j-admin's
 * offline importer, server/import/bulk) into a Neo4j home of its own, with its steps' seconds and peak memory.
 * The home is removed afterwards; the online import that follows gets a fresh database as before.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../../server/neo4j/launcher.ts";
import { run, watchMemory } from "./proc.ts";

export interface BulkResult {
  /**
   * Reading the file to a loaded and queryable database (its constraints and indexes online): the scale target. The
   * importer's final stop of the Neo4j that created the indexes is not part of it.
   */
  queryableSeconds: number;
  /** Entities + relationships + sanctions per second, until queryable. */
  queryableItemsPerSecond: number;
  /** End to end, the final stop included. */
  seconds: number;
  /** Entities + relationships + sanctions per second, end to end. */
  itemsPerSecond: number;
  /** Seconds per step, as the bulk importer names them (read, CSV, neo4j-admin, start, indexes...). */
  steps: Record<string, number>;
  /** CPU seconds of the steps (not inflated by other programs on the machine; see server/import/bulk/cpu.ts). */
  cpu: Record<string, number | undefined>;
  importerPeakMiB: number;
}

interface Summary {
  seconds: number;
  bulk: {
    itemsPerSecond: number;
    steps: Record<string, number>;
    cpu: Record<string, number>;
    queryableSeconds: number;
    queryableItemsPerSecond: number;
  };
}

export async function bulkLoad(
  file: string,
  dataDir: string,
  memory: { heap: string; pageCache: string },
  log: (line: string) => void,
): Promise<BulkResult> {
  const home = join(dataDir, "bulk-home");
  rmSync(home, { recursive: true, force: true });
  const env = {
    ...process.env,
    NEO4J_HOME: home,
    NEO4J_PORT: String(await freePort()),
    NEO4J_HEAP: memory.heap,
    NEO4J_PAGECACHE: memory.pageCache,
  };
  try {
    // Node's heap as docs/scale.md gives it for a bulk load: room for the held graph (about 2.5 GB live at 1M) and a
    // larger young generation (the read allocates fast: 12% less CPU at 100k than the default 16 MiB semi-space).
    const node = ["--max-old-space-size=8000", "--max-semi-space-size=64"];
    const { child, done } = run([...node, "server/import/cli.ts", "bulk", file, "--json"], env, log);
    const importer = watchMemory(child.pid as number);
    const { code, stdout } = await done;
    const peak = importer.stop().peak;
    if (code !== 0) throw new Error(`bulk import exited with ${code}: ${stdout.slice(-2000)}`);
    const summary = JSON.parse(stdout.slice(stdout.indexOf("{"))) as Summary;
    return {
      queryableSeconds: summary.bulk.queryableSeconds,
      queryableItemsPerSecond: summary.bulk.queryableItemsPerSecond,
      seconds: summary.seconds,
      itemsPerSecond: summary.bulk.itemsPerSecond,
      steps: summary.bulk.steps,
      cpu: summary.bulk.cpu,
      importerPeakMiB: Math.round(peak),
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
