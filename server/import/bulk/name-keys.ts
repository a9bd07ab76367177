/**
 * Match keys computed ahead (server/matching/keys.ts nameKeys): while the bulk import reads, each entity's names as
 * they stand are sent to a worker thread (worker-batches.ts), so on a machine with a second core the keys cost the
 * read no time. The keys of an entity whose names changed afterwards (a later fragment added an alias) are
 * computed again at the end, as are all of them if the worker fails: the keys are the same either way.
 */
import { nameKeys } from "../../matching/keys.ts";
import { type BatchWorker, WorkerBatches } from "./worker-batches.ts";

export type NameKeys = ReturnType<typeof nameKeys>;

interface Named {
  id: string;
  names: string[];
}

interface Computed extends Named {
  keys: NameKeys;
}

/** The worker's side: the keys of each batch of names. */
export function nameKeysWorker(): BatchWorker<Named, Computed[], void> {
  return {
    batch: (items) => items.map(({ id, names }) => ({ id, names, keys: nameKeys(names) })),
    end: () => undefined,
  };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export class NameKeysAhead {
  private readonly computed = new Map<string, Computed>();
  private readonly worker = new WorkerBatches<Named, Computed[]>(new URL(import.meta.url), "nameKeysWorker", undefined, (results) => {
    for (const result of results) this.computed.set(result.id, result);
  });

  /** The entity's names as they stand now (later calls for the same id replace earlier ones). */
  add(id: string, names: string[]): void {
    this.worker.add({ id, names });
  }

  /** Ends the worker (also when reading failed: it would keep the process alive). */
  async stop(): Promise<void> {
    await this.worker.stop();
  }

  /** Waits for the worker and ends it; returns the keys of given names (computed here when the worker's are not theirs). */
  async done(): Promise<(id: string, names: string[]) => NameKeys> {
    const failed = await this.worker.end().then(
      () => false,
      () => true,
    );
    await this.stop();
    return (id, names) => {
      const ahead = this.computed.get(id);
      return !failed && ahead && same(ahead.names, names) ? ahead.keys : nameKeys(names);
    };
  }
}
