/**
 * The Source nodes' CSV file, written on a worker thread (sources-worker.mjs runs csv.ts SourceCsv) while the main
 * thread reads: quoting the excerpts and writing them was 16% of the read's CPU on the main thread, whose time is
 * the read's time, while the second core is mostly idle (docs/scale.md, "Loading"). The same file either way.
 * The worker keeps up with the reading (a fraction of its work), so what waits in its queue stays small.
 */
import { Worker } from "node:worker_threads";
import type { SourceRecord } from "../../model/records.ts";

/** Sources per message: large enough that posting costs little beside writing. */
const BATCH = 500;

export interface SourceFile {
  path: string;
  /** Some value holds a line break (neo4j-admin must read multi-line fields). */
  multiline: boolean;
}

export class SourcesAside {
  private readonly worker: Worker;
  private batch: SourceRecord[] = [];
  private error?: Error;

  constructor(dir: string) {
    this.worker = new Worker(new URL("./sources-worker.mjs", import.meta.url), { workerData: { dir } });
    this.worker.on("error", (error) => {
      this.error = error;
    });
  }

  add(record: SourceRecord): void {
    this.batch.push(record);
    if (this.batch.length === BATCH) this.send();
  }

  private send() {
    if (!this.batch.length || this.error) return;
    this.worker.postMessage(this.batch);
    this.batch = [];
  }

  /** Writes what is left, merges the sources read twice; the finished file. Rejects with the worker's error. */
  async close(): Promise<SourceFile> {
    this.send();
    return new Promise<SourceFile>((resolve, reject) => {
      if (this.error) return reject(this.error);
      this.worker.once("message", resolve);
      this.worker.once("error", reject);
      this.worker.postMessage("close");
    });
  }

  /** Ends the worker (also when reading failed: it would keep the process alive). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
