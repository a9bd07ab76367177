import { describe, expect, it } from "vitest";
import { readAhead, Writes } from "../../server/import/overlap.ts";

// The online import's overlap of reading and writing (server/import/overlap.ts), driven by promises the test
// settles itself: what runs when is decided here, not by the machine's speed.

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued callback run (the producer advances while the consumer awaits). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("readAhead", () => {
  it("yields every value in order and reads up to `ahead` values while the consumer is busy", async () => {
    const read: number[] = [];
    async function* source() {
      for (let i = 1; i <= 6; i++) {
        read.push(i);
        yield i;
      }
    }
    const seen: number[] = [];
    const iterator = readAhead(source(), 3);
    const first = await iterator.next();
    seen.push(first.value as number);
    await settle(); // the consumer is "writing": the producer fills the queue up to 3 values
    expect(read).toEqual([1, 2, 3, 4]);
    for await (const value of { [Symbol.asyncIterator]: () => iterator }) seen.push(value);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("passes a reading error on, and stops reading when the consumer stops", async () => {
    async function* failing() {
      yield 1;
      throw new Error("line 2: not JSON");
    }
    const values: number[] = [];
    await expect(
      (async () => {
        for await (const v of readAhead(failing(), 2)) values.push(v);
      })(),
    ).rejects.toThrow("line 2: not JSON");
    expect(values).toEqual([1]);

    let closed = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const v of readAhead(endless(), 2)) if (v === 3) break;
    expect(closed).toBe(true);
  });
});

describe("Writes", () => {
  it("runs batches of distinct nodes side by side up to the limit, a clashing batch after the one it clashes with", async () => {
    const writes = new Writes(2);
    const started: string[] = [];
    const gates = { a: deferred(), b: deferred(), c: deferred(), d: deferred() };
    const work = (name: keyof typeof gates) => () => {
      started.push(name);
      return gates[name].promise;
    };
    await writes.start(work("a"), new Set(["e1", "e2"]));
    await writes.start(work("b"), new Set(["e3"]));
    const third = writes.start(work("c"), new Set(["e4"])); // the limit: waits for a or b
    await settle();
    expect(started).toEqual(["a", "b"]);
    gates.b.resolve();
    await third;
    expect(started).toEqual(["a", "b", "c"]);
    const clashing = writes.start(work("d"), new Set(["e2"])); // e2 is a's
    gates.c.resolve();
    await settle();
    expect(started).toEqual(["a", "b", "c"]);
    gates.a.resolve();
    await clashing;
    expect(started).toEqual(["a", "b", "c", "d"]);
    gates.d.resolve();
    await writes.all();
  });

  it("runs a batch without node ids alone, after every write before it, and surfaces a failed write", async () => {
    const writes = new Writes(2);
    const first = deferred();
    let linksStarted = false;
    await writes.start(() => first.promise, new Set(["e1"]));
    const links = writes.start(async () => {
      linksStarted = true;
    });
    await settle();
    expect(linksStarted).toBe(false);
    first.resolve();
    await links;
    expect(linksStarted).toBe(true);

    const failing = deferred();
    await writes.start(() => failing.promise, new Set(["e2"]));
    failing.reject(new Error("database gone"));
    await expect(writes.all()).rejects.toThrow("database gone");
  });
});
