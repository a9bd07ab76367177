/**
 * At most `perClient` operations of one client run at once; the next few wait their turn (first come, first
 * served), and beyond `maxWaiting` a client's operation is refused at once. One client's burst of heavy queries
 * then queues behind itself instead of filling the database's threads for everyone else.
 */
export class Slots {
  private readonly clients = new Map<string, { running: number; waiting: Array<() => void> }>();

  constructor(
    private readonly perClient: number,
    private readonly maxWaiting: number,
  ) {}

  /**
   * Resolves with a release function once `key` has a free slot; rejects with SlotsFull if too many wait already,
   * or with the signal's reason if it aborts while waiting.
   */
  acquire(key: string, signal?: AbortSignal): Promise<() => void> {
    const client = this.clients.get(key) ?? { running: 0, waiting: [] };
    this.clients.set(key, client);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      client.running -= 1;
      const next = client.waiting.shift();
      if (next) next();
      else if (client.running === 0) this.clients.delete(key);
    };
    if (client.running < this.perClient) {
      client.running += 1;
      return Promise.resolve(release);
    }
    if (client.waiting.length >= this.maxWaiting) return Promise.reject(new SlotsFull(this.perClient, this.maxWaiting));
    return new Promise((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener("abort", abort);
        client.running += 1;
        resolve(release);
      };
      const abort = () => {
        client.waiting.splice(client.waiting.indexOf(start), 1);
        reject(signal?.reason);
      };
      client.waiting.push(start);
      signal?.addEventListener("abort", abort, { once: true });
    });
  }

  /** Operations running for `key` (for tests and logs). */
  running(key: string): number {
    return this.clients.get(key)?.running ?? 0;
  }
}

export class SlotsFull extends Error {
  override name = "SlotsFull";
  constructor(
    readonly perClient: number,
    readonly maxWaiting: number,
  ) {
    super(`already ${perClient} running and ${maxWaiting} waiting`);
  }
}
