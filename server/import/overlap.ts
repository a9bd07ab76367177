/**
 * The online import's overlap of reading and writing (server/import/pipeline.ts): batches are read (parsed and
 * mapped) ahead while earlier ones are written, and batches that cannot touch the same nodes are written side by side.
 */

/**
 * Yields what `source` yields, reading up to `ahead` values before the consumer asks: while the consumer awaits
 * the database, the event loop parses the next batches. Stopping early (an error in a write) stops the reading.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, ahead: number): AsyncGenerator<T> {
  const queue: T[] = [];
  let finished = false;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  const consumerWakes = () => {
    wakeConsumer?.();
    wakeConsumer = undefined;
  };
  const producer = (async () => {
    try {
      for await (const value of source) {
        queue.push(value);
        consumerWakes();
        while (queue.length >= ahead && !stopped) await new Promise<void>((resolve) => (wakeProducer = resolve));
        if (stopped) return;
      }
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      consumerWakes();
    }
  })();
  try {
    for (;;) {
      if (queue.length) {
        const value = queue.shift() as T;
        wakeProducer?.();
        yield value;
      } else if (failure) throw failure.error;
      else if (finished) break;
      else await new Promise<void>((resolve) => (wakeConsumer = resolve));
    }
  } finally {
    stopped = true;
    wakeProducer?.();
    await producer;
  }
}

/**
 * Write batches in flight. A batch given the ids of the nodes it writes runs beside the others (up to `limit`)
 * unless one of them writes one of those ids; a batch given none waits for every write before it and runs alone,
 * so a link is never written before the node it needs.
 */
export class Writes {
  private readonly running = new Map<Promise<void>, ReadonlySet<string>>();
  private failure?: { error: unknown };

  constructor(private readonly limit: number) {}

  async start(work: () => Promise<void>, ids?: ReadonlySet<string>): Promise<void> {
    if (!ids) {
      await this.all();
      return work();
    }
    const clashes = () => [...this.running.values()].some((other) => [...ids].some((id) => other.has(id)));
    while (this.running.size >= this.limit || clashes()) {
      await Promise.race(this.running.keys());
      this.rethrow();
    }
    const done: Promise<void> = work().then(
      () => void this.running.delete(done),
      (error: unknown) => {
        this.running.delete(done);
        this.failure ??= { error };
      },
    );
    this.running.set(done, ids);
  }

  /** Waits for every write in flight; rejects with the first failure. */
  async all(): Promise<void> {
    await Promise.all(this.running.keys());
    this.rethrow();
  }

  private rethrow() {
    if (this.failure) throw this.failure.error;
  }
}
