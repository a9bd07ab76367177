/**
 * Items handed to a worker thread in batches while the main thread reads, so the second core does that work (the
 * bulk import's match keys: name-keys.ts; its Source CSV file: sources.ts). The worker runs a BatchWorker that a
 * TypeScript module exports (started by worker-batches.mjs, which registers tsx first) and handles the messages one
 * at a time in the order sent: each batch, answered or not, then `end`, answered once everything before it is done.
 * An error in the worker ends it, and `end` rejects with that error.
 */
import { Worker } from "node:worker_threads";

/** Items per message: large enough that posting costs little beside the work done with them. */
const BATCH = 500;

/** The worker's side: what it does with each batch (an answer goes to `onReply`), and its answer to `end`. */
export interface BatchWorker<Item, Reply, Final> {
  batch(items: Item[]): Reply | undefined | Promise<Reply | undefined>;
  end(): Final | Promise<Final>;
}

/** From the worker: an answer to a batch, or the answer to `end`. */
export type WorkerMessage = { kind: "reply"; value: unknown } | { kind: "end"; value: unknown };

export class WorkerBatches<Item, Reply = never, Final = void> {
  private readonly worker: Worker;
  private batch: Item[] = [];
  private error?: Error;
  private ended?: { resolve: (value: Final) => void; reject: (error: Error) => void };

  /**
   * Starts a worker on `module`'s export `name`, a function of `data` that returns the BatchWorker (`data` is copied
   * to the worker); `onReply` receives the answers to batches, in order.
   */
  constructor(module: URL, name: string, data?: unknown, onReply?: (reply: Reply) => void) {
    this.worker = new Worker(new URL("./worker-batches.mjs", import.meta.url), {
      workerData: { module: module.href, name, data },
    });
    this.worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "reply") onReply?.(message.value as Reply);
      else this.ended?.resolve(message.value as Final);
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`The ${name} worker thread ended (exit code ${code}) before its work was done`)));
  }

  private fail(error: Error) {
    this.error ??= error;
    this.ended?.reject(this.error);
  }

  add(item: Item): void {
    if (this.error) return; // nothing more is sent to a failed worker; `end` says why
    this.batch.push(item);
    if (this.batch.length === BATCH) this.send();
  }

  private send() {
    if (!this.batch.length || this.error) return;
    this.worker.postMessage({ batch: this.batch });
    this.batch = [];
  }

  /** Sends what is left; the worker's answer to `end`, once it has handled every batch. */
  end(): Promise<Final> {
    this.send();
    return new Promise<Final>((resolve, reject) => {
      if (this.error) return reject(this.error);
      this.ended = { resolve, reject };
      this.worker.postMessage({ end: true });
    });
  }

  /** Ends the worker (also when reading failed: it would keep the process alive). */
  async stop(): Promise<void> {
    this.ended = undefined;
    await this.worker.terminate();
  }
}
