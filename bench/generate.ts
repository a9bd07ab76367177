/**
 * `npm run generate -- --entities N [--seed S] [--out FILE]`: writes a synthetic sanctions network as FtM JSON
 * lines (stdout when no --out), deterministic for a seed, and beside --out a sidecar `<FILE>.targets.json` with
 * the benchmark targets (super-nodes, normal nodes, pairs at 2..6 hops, search samples). Progress on stderr.
 * Sizes may be written 10k, 100k, 1m. --ownership-cases appends the ownership structures with known answers of
 * generator/ownership-cases.ts (their expected verdicts go to `<FILE>.ownership.json`).
 */

import { appendFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { generateFile, parseSize } from "./generator/file.ts";
import { generate } from "./generator/network.ts";
import { ownershipCases } from "./generator/ownership-cases.ts";

async function main() {
  const { values } = parseArgs({
    options: {
      entities: { type: "string", short: "n" },
      seed: { type: "string", default: "53" },
      out: { type: "string", short: "o" },
      "ownership-cases": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !values.entities) {
    process.stdout.write(
      "Usage: npm run generate -- --entities N [--seed S] [--out FILE] [--ownership-cases]\n  N may be written 10k, 100k, 1m; default seed 53.\n",
    );
    process.exit(values.help ? 0 : 2);
  }
  const entities = parseSize(values.entities);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  const cases = values["ownership-cases"] ? ownershipCases() : undefined;
  const caseLines = cases ? `${cases.entities.map((e) => JSON.stringify(e)).join("\n")}\n` : "";
  if (values.out) {
    const sidecar = await generateFile(entities, seed, values.out);
    process.stderr.write(
      `generate: ${sidecar.entities} entities, ${sidecar.relationships} relationships, ${sidecar.sanctions} sanctions; targets in ${values.out}.targets.json\n`,
    );
    if (cases) {
      appendFileSync(values.out, caseLines);
      writeFileSync(`${values.out}.ownership.json`, `${JSON.stringify(cases.expected, null, 2)}\n`);
      process.stderr.write(`generate: ${cases.entities.length} ownership-case lines appended; answers in ${values.out}.ownership.json\n`);
    }
  } else {
    await generate({ entities, seed, out: process.stdout });
    process.stdout.write(caseLines);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`generate: ${(error as Error).message}\n`);
  process.exit(1);
});
