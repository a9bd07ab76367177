/**
 * `npm run export -- ftm [--around ID --depth N] [--out FILE]`: the graph, or a subgraph, as FtM JSON lines.
 * `npm run export -- audit [--out FILE]`: the audit log of curation writes, as JSON lines.
 * Exit codes: server/cli.ts (EXIT).
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { graphFromEnv, parseCommandLine, runCli } from "../cli.ts";
import { exportAudit } from "./audit.ts";
import { exportFtm } from "./ftm.ts";

const HELP = `Usage: npm run export -- ftm [--around ID] [--depth N] [--out FILE]
       npm run export -- audit [--out FILE]

Writes FollowTheMoney JSON lines (one entity per line: nodes, edge entities such as Ownership or
UnknownLink, Sanction and Passport/Identification entities), readable by OpenSanctions' tools (yente, nomenklatura, ftm).
  --around ID   only this entity and its neighbourhood
  --depth N     hops around ID, 0..6 (default 1)
  --out FILE    write to FILE instead of standard output
\`audit\` writes the audit log of curation writes (actor, time, operation, before/after, sources) as JSON lines.
Needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) of a running Neo4j.`;

async function main() {
  const { values, positionals, usage } = parseCommandLine(HELP, {
    around: { type: "string" },
    depth: { type: "string" },
    out: { type: "string" },
  });
  const kind = positionals[0];
  if ((kind !== "ftm" && kind !== "audit") || positionals.length > 1)
    usage(positionals.length ? `Unknown export "${positionals.join(" ")}".` : "Name what to export: ftm or audit.");
  const depth = values.depth === undefined ? 1 : Number(values.depth);
  if (!Number.isInteger(depth) || depth < 0 || depth > 6) usage("--depth must be a whole number from 0 to 6");
  const graph = graphFromEnv("The exporter reads a running Neo4j: start one with `npm start`, then set NEO4J_URI=bolt://127.0.0.1:7687.");
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  let count = 0;
  try {
    const lines = kind === "audit" ? exportAudit(graph) : exportFtm(graph, { around: values.around, depth });
    for await (const entity of lines) {
      if (!out.write(`${JSON.stringify(entity)}\n`)) await once(out, "drain");
      count++;
    }
    if (values.out) {
      (out as NodeJS.WritableStream).end();
      await once(out, "finish");
    }
    process.stderr.write(
      `Exported ${count} ${kind === "audit" ? "audit events" : "FtM entities"}${values.out ? ` to ${values.out}` : ""}\n`,
    );
  } finally {
    await graph.close();
  }
}

runCli(main, "Export");
