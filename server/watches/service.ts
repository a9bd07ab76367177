import { EventEmitter, once } from "node:events";
import type { Graph } from "../db/graph.ts";
import { alertsSince } from "../db/queries/watches.ts";
import { type AlertValue, evaluateWatch, evaluateWatches, type WatchValue } from "./evaluate.ts";
import { DEFAULT_WEBHOOKS, type WebhookOptions } from "./webhook.ts";

export interface WatchServiceOptions {
  webhooks?: WebhookOptions;
  /** How often a live subscription looks for alerts raised elsewhere (an import CLI in another process). */
  pollMs?: number;
  log?: (message: unknown) => void;
}

/**
 * The API's side of watches: evaluations after curation writes (one at a time; writes that land during a run are
 * covered by one more run), and the live alert stream of each subscriber.
 */
export class WatchService {
  private running: Promise<AlertValue[]> = Promise.resolve([]);
  private queued: Promise<AlertValue[]> | undefined;
  private readonly raised = new EventEmitter();
  readonly webhooks: WebhookOptions;
  private readonly pollMs: number;
  private readonly log: (message: unknown) => void;

  constructor(
    private readonly graph: Graph,
    { webhooks = DEFAULT_WEBHOOKS, pollMs = 2_000, log = console.error }: WatchServiceOptions = {},
  ) {
    this.webhooks = webhooks;
    this.pollMs = pollMs;
    this.log = log;
    this.raised.setMaxListeners(0);
  }

  /** Schedules an evaluation of every watch; resolves with the alerts it raised. Never rejects (errors are logged). */
  requestEvaluation(): Promise<AlertValue[]> {
    if (this.queued) return this.queued;
    const next = this.running.then(async () => {
      this.queued = undefined;
      try {
        const { alerts } = await evaluateWatches(this.graph, this.webhooks, this.log);
        if (alerts.length) this.raised.emit("alerts");
        return alerts;
      } catch (error) {
        this.log(error);
        return [];
      }
    });
    this.queued = next;
    this.running = next;
    return next;
  }

  /** A new watch's first evaluation: records what it sees, so that only later changes raise alerts. */
  baseline(watch: WatchValue, centres: string[]): Promise<AlertValue[]> {
    const next = this.running.then(() => evaluateWatch(this.graph, watch, centres));
    this.running = next.catch(() => []);
    return next;
  }

  /** The owner's alerts raised after `since` (ISO time), as they come: woken by local evaluations, else polled. */
  async *stream(owner: string, since: string, signal: AbortSignal): AsyncGenerator<AlertValue> {
    let cursor = { at: since, id: "" };
    while (!signal.aborted) {
      for (const { alert } of await alertsSince(this.graph, { owner, ...cursor }, signal)) {
        cursor = { at: alert.at, id: alert.id };
        yield alert;
      }
      const wake = new AbortController();
      const timer = setTimeout(() => wake.abort(), this.pollMs);
      try {
        await once(this.raised, "alerts", { signal: AbortSignal.any([wake.signal, signal]) });
      } catch {
        // woken by the poll timer or ended by the client going away
      } finally {
        clearTimeout(timer);
      }
    }
  }
}
