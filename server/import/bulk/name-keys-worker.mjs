// The match keys of entities' names (server/matching/keys.ts) for the bulk import, computed on the other core while
// the main thread reads (name-keys.ts). Plain JavaScript that registers tsx first: on Node 20 a worker does not
// inherit the TypeScript loader of the process that starts it.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { nameKeys } = await import("../../matching/keys.ts");
parentPort.on("message", (batch) => parentPort.postMessage(batch.map(({ id, names }) => ({ id, names, keys: nameKeys(names) }))));
