/**
 * The Source nodes' CSV file, written on a worker thread (worker-batches.ts running csv.ts SourceCsv) while the main
 * thread reads: quoting the excerpts and writing them was 16% of the read's CPU on the main thread, whose time is
 * the read's time, while the second core is mostly idle (docs/scale.md, "Loading"). The same file either way.
 * The worker keeps up with the reading (a fraction of its work), so what waits in its queue stays small.
 */
import type { SourceRecord } from "../../model/records.ts";
import { SourceCsv } from "./csv.ts";
import { type BatchWorker, WorkerBatches } from "./worker-batches.ts";

export interface SourceFile {
  path: string;
  /** Some value holds a line break (neo4j-admin must read multi-line fields). */
  multiline: boolean;
}

/** The worker's side: batches written in the order they arrive; `end` merges the sources read twice. */
export function sourcesWorker(dir: string): BatchWorker<SourceRecord, never, SourceFile> {
  const sources = new SourceCsv(dir);
  return {
    async batch(records) {
      for (const record of records) {
        const written = sources.add(record);
        if (written) await written;
      }
      return undefined;
    },
    async end() {
      const writer = await sources.close();
      return { path: writer.path, multiline: writer.multiline };
    },
  };
}

/** Sources given to `add` are written on the worker; `end` finishes the file (rejects with the worker's error). */
export function sourcesAside(dir: string): WorkerBatches<SourceRecord, never, SourceFile> {
  return new WorkerBatches(new URL(import.meta.url), "sourcesWorker", dir);
}
