// The worker thread of worker-batches.ts: runs the BatchWorker a TypeScript module exports, one message at a time.
// Plain JavaScript that registers tsx first: on Node 20 a worker does not inherit the TypeScript loader of the
// process that starts it. An error (thrown or rejected) ends the worker, and the main thread's `end` rejects with it.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { module, name, data } = workerData;
const worker = (await import(module))[name](data);
let queue = Promise.resolve();
parentPort.on("message", (message) => {
  queue = queue.then(async () => {
    if (message.end) {
      parentPort.postMessage({ kind: "end", value: await worker.end() });
      return;
    }
    const reply = await worker.batch(message.batch);
    if (reply !== undefined) parentPort.postMessage({ kind: "reply", value: reply });
  });
});
