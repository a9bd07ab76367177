import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NameKeysAhead } from "../../server/import/bulk/name-keys.ts";
import { sourcesAside } from "../../server/import/bulk/sources.ts";
import { WorkerBatches } from "../../server/import/bulk/worker-batches.ts";
import { nameKeys } from "../../server/matching/keys.ts";

// The bulk import's work on a second thread (server/import/bulk/worker-batches.ts): real worker threads running the
// match keys and the Source CSV, their answers in order, and a failing worker's error given to the caller.

const names = (i: number) => [`Company Number ${i}`, `Firma ${i} GmbH`];

describe("WorkerBatches", () => {
  const dir = mkdtempSync(join(tmpdir(), "worker-batches-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("answers each batch of 500 in the order sent, and `end` after all of them", async () => {
    const replies: { id: string }[][] = [];
    const worker = new WorkerBatches<{ id: string; names: string[] }, { id: string }[]>(
      new URL("../../server/import/bulk/name-keys.ts", import.meta.url),
      "nameKeysWorker",
      undefined,
      (reply) => replies.push(reply),
    );
    try {
      for (let i = 0; i < 1_201; i++) worker.add({ id: `e${i}`, names: names(i) });
      await worker.end();
      expect(replies.map((r) => r.length)).toEqual([500, 500, 201]);
      expect(replies.flat().map((r) => r.id)).toEqual(Array.from({ length: 1_201 }, (_, i) => `e${i}`));
    } finally {
      await worker.stop();
    }
  });

  it("match keys computed ahead are those of the entity's final names", async () => {
    const ahead = new NameKeysAhead();
    for (let i = 0; i < 600; i++) ahead.add(`e${i}`, names(i));
    const keysOf = await ahead.done();
    expect(keysOf("e7", names(7))).toEqual(nameKeys(names(7)));
    // Names changed after they were sent (a later fragment's alias): computed again from the names given.
    expect(keysOf("e8", [...names(8), "Other Name Ltd"])).toEqual(nameKeys([...names(8), "Other Name Ltd"]));
  });

  it("writes the Source CSV on the worker and answers with the finished file", async () => {
    const sources = sourcesAside(dir);
    try {
      for (let i = 0; i < 700; i++) sources.add({ id: `s${i}`, publisher: "P", title: "T", excerpt: i === 3 ? "two\nlines" : "x" });
      const file = await sources.end();
      expect(file).toEqual({ path: join(dir, "nodes-Source.csv"), multiline: true });
      expect(readFileSync(file.path, "utf8").trimEnd().split("\n")).toHaveLength(1 + 700 + 1);
    } finally {
      await sources.stop();
    }
  });

  it("a worker that fails rejects `end` with its error", async () => {
    const sources = sourcesAside(join(dir, "no-such-directory"));
    try {
      sources.add({ id: "s1", publisher: "P", title: "T" });
      await expect(sources.end()).rejects.toThrow(/ENOENT.*no-such-directory/);
    } finally {
      await sources.stop();
    }
  });
});
