/**
 * `npm run generate -- --entities N [--seed S] [--out FILE]`: writes a synthetic sanctions network as FtM JSON
 * lines (stdout when no --out), deterministic for a seed, and beside --out a sidecar `<FILE>.targets.json` with
 * the benchmark targets (super-nodes, normal nodes, pairs at 2..6 hops, search samples). Progress on stderr.
 * Sizes may be written 10k, 100k, 1m.
 */
import { parseArgs } from "node:util";
import { generateFile, parseSize } from "./generator/file.ts";
import { generate } from "./generator/network.ts";

async function main() {
  const { values } = parseArgs({
    options: {
      entities: { type: "string", short: "n" },
      seed: { type: "string", default: "53" },
      out: { type: "string", short: "o" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !values.entities) {
    process.stdout.write(
      "Usage: npm run generate -- --entities N [--seed S] [--out FILE]\n  N may be written 10k, 100k, 1m; default seed 53.\n",
    );
    process.exit(values.help ? 0 : 2);
  }
  const entities = parseSize(values.entities);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  if (values.out) {
    const sidecar = await generateFile(entities, seed, values.out);
    process.stderr.write(
      `generate: ${sidecar.entities} entities, ${sidecar.relationships} relationships, ${sidecar.sanctions} sanctions; targets in ${values.out}.targets.json\n`,
    );
  } else {
    await generate({ entities, seed, out: process.stdout });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`generate: ${(error as Error).message}\n`);
  process.exit(1);
});
