// The Source nodes' CSV file (csv.ts SourceCsv) written on a worker thread for the bulk import, while the main thread
// reads (sources.ts). Plain JavaScript that registers tsx first: on Node 20 a worker does not inherit the TypeScript
// loader of the process that starts it. Batches are written in the order they arrive; "close" merges the sources
// read twice and answers with the file. Any error ends the worker, and the import fails with it.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { SourceCsv } = await import("./csv.ts");
const sources = new SourceCsv(workerData.dir);
let queue = Promise.resolve();
parentPort.on("message", (message) => {
  queue = queue.then(async () => {
    if (message === "close") {
      const writer = await sources.close();
      parentPort.postMessage({ path: writer.path, multiline: writer.multiline });
      return;
    }
    for (const record of message) {
      const written = sources.add(record);
      if (written) await written;
    }
  });
});
