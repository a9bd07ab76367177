import { createWriteStream, writeFileSync } from "node:fs";
import { generate, type Sidecar } from "./network.ts";

/** "10k" -> 10000, "1m" -> 1000000. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`Not a size: "${text}" (e.g. 10000, 10k, 1m)`);
  const factor = { "": 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase() as "" | "k" | "m"];
  return Math.round(Number(match[1]) * factor);
}

export async function generateFile(entities: number, seed: number, out: string, quiet = false): Promise<Sidecar> {
  const stream = createWriteStream(out);
  const started = performance.now();
  const sidecar = await generate({
    entities,
    seed,
    out: stream,
    progress: quiet
      ? undefined
      : (nodes, lines) =>
          process.stderr.write(
            `\rgenerate: ${nodes.toLocaleString("en")} / ${entities.toLocaleString("en")} entities, ${lines.toLocaleString("en")} lines`,
          ),
  });
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  if (!quiet) process.stderr.write(`\ngenerate: ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  writeFileSync(`${out}.targets.json`, `${JSON.stringify(sidecar, null, 2)}\n`);
  return sidecar;
}
