/**
 * Match keys computed ahead (server/matching/keys.ts nameKeys): while the bulk import reads, each entity's names as
 * they stand are sent to a worker thread (name-keys-worker.mjs), so on a machine with a second core the keys cost
 * the read no time. The keys of an entity whose names changed afterwards (a later fragment added an alias) are
 * computed again at the end, as are all of them if the worker fails: the keys are the same either way.
 */
import { Worker } from "node:worker_threads";
import { nameKeys } from "../../matching/keys.ts";

export type NameKeys = ReturnType<typeof nameKeys>;

interface Computed {
  id: string;
  names: string[];
  keys: NameKeys;
}

/** Entities per message: large enough that posting costs little beside computing. */
const BATCH = 500;

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export class NameKeysAhead {
  private readonly worker = new Worker(new URL("./name-keys-worker.mjs", import.meta.url));
  private readonly computed = new Map<string, Computed>();
  private batch: { id: string; names: string[] }[] = [];
  private sent = 0;
  private received = 0;
  private failed = false;
  private settle?: () => void;

  constructor() {
    this.worker.on("message", (results: Computed[]) => {
      for (const result of results) this.computed.set(result.id, result);
      if (++this.received === this.sent) this.settle?.();
    });
    this.worker.on("error", () => {
      this.failed = true;
      this.settle?.();
    });
  }

  /** The entity's names as they stand now (later calls for the same id replace earlier ones). */
  add(id: string, names: string[]): void {
    this.batch.push({ id, names });
    if (this.batch.length === BATCH) this.send();
  }

  private send() {
    if (!this.batch.length || this.failed) return;
    this.worker.postMessage(this.batch);
    this.sent++;
    this.batch = [];
  }

  /** Ends the worker (also when reading failed: it would keep the process alive). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  /** Waits for the worker and ends it; returns the keys of given names (computed here when the worker's are not theirs). */
  async done(): Promise<(id: string, names: string[]) => NameKeys> {
    this.send();
    if (!this.failed && this.received < this.sent) await new Promise<void>((resolve) => (this.settle = resolve));
    await this.stop();
    return (id, names) => {
      const ahead = this.computed.get(id);
      return !this.failed && ahead && same(ahead.names, names) ? ahead.keys : nameKeys(names);
    };
  }
}
