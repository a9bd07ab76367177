import { type DocumentNode, getOperationAST, Kind, type SelectionSetNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.ts";
import { userError } from "../errors.ts";
import { Slots, SlotsFull } from "../fair-share/slots.ts";
import { TokenBuckets } from "../fair-share/token-buckets.ts";

export interface FairShareOptions {
  /** Requests a minute one anonymous client may send after its burst; 0 turns rate limiting off. */
  perMinute: number;
  /** Requests an anonymous client may send at once before the per-minute rate applies. */
  burst: number;
  /** Heavy queries (traversals, scoring) one client may have running at once; 0 turns the limit off. */
  heavyPerClient: number;
  /** Heavy queries of one client that may wait for a slot; more are refused at once. */
  heavyWaiting: number;
  /** Take the client's address from the first X-Forwarded-For entry (behind a reverse proxy you run). */
  trustProxy: boolean;
}

/**
 * Root fields whose cost grows with the graph rather than with the answer: traversals, full-text retrieval and
 * scoring. A test checks that each is a Query field.
 */
export const HEAVY_FIELDS: ReadonlySet<string> = new Set([
  "search",
  "match",
  "screen",
  "neighbourhood",
  "subgraph",
  "shortestPaths",
  "paths",
  "exposure",
  "ownership",
  "hubs",
]);

const tooMany = (message: string, retryAfterMs: number) =>
  userError("RATE_LIMITED", message, {
    retryAfterMs,
    http: { status: 429, headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) } },
  });

/**
 * Fair sharing between clients: anonymous clients get a request budget (a token bucket per address), and every
 * client (by address, or by its signed-in subject) runs at most a few heavy queries at once, the rest queued.
 * One busy client then slows itself down, not the others. Mutations and subscriptions take no slot.
 */
export function useFairShare(options: FairShareOptions): Plugin<Context> {
  const buckets = new TokenBuckets(options.perMinute, options.burst);
  const slots = new Slots(options.heavyPerClient, options.heavyWaiting);
  const address = (context: Context & { req?: { socket?: { remoteAddress?: string } } }) => {
    const forwarded = options.trustProxy ? context.request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
    // In-process calls (yoga.fetch in tests and tools) have no socket: they share one key.
    return forwarded || context.req?.socket?.remoteAddress || "in-process";
  };
  return {
    async onExecute({ args }) {
      const context = args.contextValue as Context;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation || operation.operation === "subscription") return;
      const user = context.auth?.user;
      const client = user ? `user:${user.sub}` : `address:${address(context)}`;
      if (!user && options.perMinute > 0) {
        const wait = buckets.take(client, Date.now());
        if (wait > 0)
          throw tooMany(
            `Too many requests from this client: ${options.perMinute} a minute are allowed without signing in (burst ${options.burst}). Retry in ${Math.ceil(wait / 1000)} s.`,
            wait,
          );
      }
      if (operation.operation !== "query" || options.heavyPerClient <= 0) return;
      if (!rootFields(operation.selectionSet, args.document).some((name) => HEAVY_FIELDS.has(name))) return;
      try {
        const release = await slots.acquire(client, context.request.signal);
        // A caller that hangs up frees its slot at once; its database work ends at its own deadline.
        context.request.signal.addEventListener("abort", release, { once: true });
        return { onExecuteDone: release };
      } catch (error) {
        if (!(error instanceof SlotsFull)) throw error;
        throw tooMany(
          `Too many heavy queries from this client at once: ${error.perClient} may run and ${error.maxWaiting} wait; wait for one to finish.`,
          1000,
        );
      }
    },
  };
}

/** The names of the root fields an operation selects, through fragments. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, document);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
    return fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootFields(fragment.selectionSet, document) : [];
  });
}
