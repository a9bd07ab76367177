/**
 * `npm run import -- bulk <FtM files...>`: builds the local Neo4j's database offline (see index.ts and
 * docs/scale.md). Exit codes: server/cli.ts (EXIT); a non-empty database without --replace is a usage error (2).
 */
import { availableParallelism } from "node:os";
import { configOrExit, EXIT, fail, parseCommandLine } from "../../cli.ts";
import { consoleProgress } from "../progress.ts";
import { BulkRefusedError, type BulkSummary, bulkImport } from "./index.ts";

const HELP = `Usage: npm run import -- bulk <FtM files...> [--replace] [--date YYYY-MM-DD] [--json]

Builds a new database for the local Neo4j (the one \`npm start\` and \`npm run neo4j -- start\` run, data in
NEO4J_HOME, default .data/neo4j) with Neo4j's offline importer (neo4j-admin database import full), from the same
FtM reader and mapping as \`npm run import -- ftm\`: the same entities, relationships, sanctions, sources and
provenance. Then it starts Neo4j on the new database, creates the constraints and indexes, and stops it again.
Much faster than the online import for a first load; see docs/scale.md for when to use which.

If a Neo4j started by this project runs from NEO4J_HOME it is stopped (SIGTERM to its recorded PID) for the import
and not restarted: start it again with \`npm start\` or \`npm run neo4j -- start\`. It never touches a server named
by NEO4J_URI.

Options:
  --replace           replace a database that holds data (without it, such a database is left alone: exit 2)
  --date YYYY-MM-DD   file date recorded on the sources (as for ftm)
  --json              print the summary as JSON`;

function printSummary(s: BulkSummary) {
  const { steps } = s.bulk;
  process.stdout.write(
    `${[
      `Bulk-loaded ${s.files.join(", ")} into ${s.bulk.home} in ${s.seconds} s (${s.bulk.itemsPerSecond} entities+relationships+sanctions/s)`,
      `  queryable after ${s.bulk.queryableSeconds} s (${s.bulk.queryableItemsPerSecond} items/s; the final stop of Neo4j, ${steps.stop} s, is not part of it)`,
      `  steps          read (sources written meanwhile) ${steps.read} s, rest of the CSV ${steps.csv} s, neo4j-admin ${steps.admin} s, start ${steps.start} s, constraints and indexes ${steps.schema} s, stop ${steps.stop} s`,
      `  CPU seconds    ${Object.entries(s.bulk.cpu)
        .map(([step, cpu]) => `${step} ${cpu ?? "?"}`)
        .join(", ")} (on ${availableParallelism()} cores)`,
      `  entities       ${s.entities} records, ${s.created.entities} nodes`,
      `  relationships  ${s.relationships} records, ${s.created.relationships} relationships`,
      `  sanctions      ${s.sanctions}`,
      `  sources        ${s.sources}`,
      ...(s.identifications ? [`  identifications ${s.identifications}`] : []),
      ...(s.others ? [`  other FtM      ${s.others}`] : []),
      ...(s.missingEnds
        ? [
            `  not written    ${s.missingEnds} relationships/sanctions whose ends are not in the files, e.g.`,
            ...s.missingExamples.slice(0, 5).map((m) => `                 ${m.id}: ${m.source} -> ${m.target}`),
          ]
        : []),
      s.bulk.stoppedPid
        ? `Neo4j (PID ${s.bulk.stoppedPid}) was stopped for the import; start it again with \`npm start\` or \`npm run neo4j -- start\`.`
        : "Neo4j is stopped; start it with `npm start` or `npm run neo4j -- start`.",
    ].join("\n")}\n`,
  );
}

export async function bulkMain(args: string[]): Promise<void> {
  const { values, positionals, usage } = parseCommandLine(
    HELP,
    { replace: { type: "boolean" }, date: { type: "string" }, json: { type: "boolean" } },
    args,
  );
  if (!positionals.length) usage("No FtM files given for bulk.");
  const { local } = configOrExit();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const summary = await bulkImport(positionals, {
      home: local.home,
      server: { port: local.port, heap: local.heap, pageCache: local.pageCache },
      replace: values.replace,
      date: values.date,
      progress: consoleProgress(),
      log,
    });
    if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else printSummary(summary);
  } catch (error) {
    if (error instanceof BulkRefusedError) fail(EXIT.usage, `Bulk import refused: ${error.message}`);
    throw error;
  }
}
