/**
 * `npm run export -- ftm [--around ID --depth N] [--out FILE]`: the graph, or a subgraph, as FtM JSON lines.
 * Exit codes: 0 done, 2 usage or no database configured, 3 database unreachable, 4 anything else.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { DatabaseUnavailableError } from "../db/errors.ts";
import { configFromEnv, Graph } from "../db/graph.ts";
import { exportFtm } from "./ftm.ts";

const HELP = `Usage: npm run export -- ftm [--around ID] [--depth N] [--out FILE]

Writes FollowTheMoney JSON lines (one entity per line: nodes, edge entities such as Ownership or
UnknownLink, Sanction and Passport/Identification entities), readable by OpenSanctions' tools (yente, nomenklatura, ftm).
  --around ID   only this entity and its neighbourhood
  --depth N     hops around ID, 0..6 (default 1)
  --out FILE    write to FILE instead of standard output
Needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) of a running Neo4j.`;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main() {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      allowPositionals: true,
      options: { around: { type: "string" }, depth: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    fail(2, `${(error as Error).message}\n\n${HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (positionals[0] !== "ftm" || positionals.length > 1) fail(2, HELP);
  const depth = values.depth === undefined ? 1 : Number(values.depth);
  if (!Number.isInteger(depth) || depth < 0 || depth > 6) fail(2, "--depth must be a whole number from 0 to 6");
  const config = configFromEnv();
  if (!config)
    fail(
      2,
      "NEO4J_URI is not set. The exporter reads a running Neo4j: start one with `npm start`, then set NEO4J_URI=bolt://127.0.0.1:7687.",
    );
  const graph = new Graph(config);
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  let count = 0;
  try {
    for await (const entity of exportFtm(graph, { around: values.around, depth })) {
      if (!out.write(`${JSON.stringify(entity)}\n`)) await once(out, "drain");
      count++;
    }
    if (values.out) {
      (out as NodeJS.WritableStream).end();
      await once(out, "finish");
    }
    process.stderr.write(`Exported ${count} FtM entities${values.out ? ` to ${values.out}` : ""}\n`);
  } finally {
    await graph.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseUnavailableError) fail(3, error.message);
  fail(4, `Export failed: ${error instanceof Error ? error.message : String(error)}`);
});
