import { describe, expect, it } from "vitest";
import { Slots, SlotsFull } from "../../server/graphql/fair-share/slots.ts";
import { TokenBuckets } from "../../server/graphql/fair-share/token-buckets.ts";

describe("TokenBuckets", () => {
  it("grants the burst at once, then refuses with the time until the next token", () => {
    const buckets = new TokenBuckets(60, 3);
    expect([buckets.take("a", 0), buckets.take("a", 0), buckets.take("a", 0)]).toEqual([0, 0, 0]);
    expect(buckets.take("a", 0)).toBe(1000);
    expect(buckets.take("a", 400)).toBe(600);
  });

  it("refills at the rate per minute, never above the burst", () => {
    const buckets = new TokenBuckets(60, 2);
    buckets.take("a", 0);
    buckets.take("a", 0);
    expect(buckets.take("a", 1000)).toBe(0);
    expect(buckets.take("a", 1000)).toBe(1000);
    // A long pause refills to the burst only.
    expect([buckets.take("a", 600_000), buckets.take("a", 600_000), buckets.take("a", 600_000)]).toEqual([0, 0, 1000]);
  });

  it("keeps one budget per client", () => {
    const buckets = new TokenBuckets(60, 1);
    expect(buckets.take("a", 0)).toBe(0);
    expect(buckets.take("a", 0)).toBeGreaterThan(0);
    expect(buckets.take("b", 0)).toBe(0);
  });

  it("forgets idle clients once it holds too many, keeping those still limited", () => {
    const buckets = new TokenBuckets(60, 1, 2);
    buckets.take("busy", 0);
    buckets.take("idle", 0);
    buckets.take("new", 10_000);
    expect(buckets.size).toBe(1);
    expect(buckets.take("busy", 10_000)).toBe(0);
  });
});

describe("Slots", () => {
  it("runs a client's operations up to its limit and queues the rest in order", async () => {
    const slots = new Slots(1, 2);
    const order: string[] = [];
    const first = await slots.acquire("a");
    const second = slots.acquire("a").then((release) => {
      order.push("second");
      return release;
    });
    const third = slots.acquire("a").then((release) => {
      order.push("third");
      return release;
    });
    expect(slots.running("a")).toBe(1);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(["second", "third"]);
    expect(slots.running("a")).toBe(0);
  });

  it("refuses at once when the client's queue is full, while other clients go ahead", async () => {
    const slots = new Slots(1, 1);
    const release = await slots.acquire("a");
    const waiting = slots.acquire("a");
    await expect(slots.acquire("a")).rejects.toBeInstanceOf(SlotsFull);
    const other = await slots.acquire("b");
    other();
    release();
    (await waiting)();
  });

  it("drops a waiting operation whose caller hangs up, and a release counts once", async () => {
    const slots = new Slots(1, 1);
    const release = await slots.acquire("a");
    const abort = new AbortController();
    const waiting = slots.acquire("a", abort.signal);
    abort.abort(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
    release();
    release();
    expect(slots.running("a")).toBe(0);
    (await slots.acquire("a"))();
  });
});
