/**
 * `npm run import -- <format> <files...>`: reads a sanctions list into the graph. See --help and docs/importing.md.
 * Exit codes: server/cli.ts (EXIT).
 */
import { graphFromEnv, InputError, parseCommandLine, runCli } from "../cli.ts";
import { applySchema } from "../db/schema.ts";
import { historyMain } from "../history/cli.ts";
import { alertWatchesAfterImport } from "../watches/after-import.ts";
import { bulkMain } from "./bulk/cli.ts";
import { FORMATS, type Format, ImportInputError, type ImportSummary, importFiles, linkSameParties } from "./index.ts";
import { consoleProgress } from "./progress.ts";

const HELP = `Usage: npm run import -- <format> <files...> [options]
       npm run import -- link
       npm run import -- history <folder|files...>   dated snapshots as deltas (see history --help)
       npm run import -- bulk <FtM files...> [--replace]   first load of the local Neo4j, offline (see bulk --help)

Formats:
  ofac-csv   OFAC SDN legacy CSV: sdn.csv, plus optional alt.csv, add.csv, sdn_comments.csv
             (recognised by file name, or given with --alt/--add/--comments)
  ofac-xml   OFAC SDN advanced XML (sdn_advanced.xml)
  un-xml     UN Security Council consolidated list XML
  ftm        FollowTheMoney JSON lines (e.g. OpenSanctions entities.ftm.json)
  link       not a format: adds SAME_AS links between records of different lists on strong evidence
             (FtM referents, a shared identifier, a person's name with an agreeing date of birth, an
             organisation's exact name within one program family), each with evidence and confidence

Options:
  --alt FILE --add FILE --comments FILE   OFAC CSV companions
  --date YYYY-MM-DD   file date recorded on the sources (default: from the file name or its contents)
  --batch-size N      rows per write transaction (default 2000)
  --json              print the summary as JSON
  -h, --help          this text

Needs a running Neo4j: NEO4J_URI (e.g. bolt://127.0.0.1:7687; \`npm start\` or \`npm run neo4j -- start\` runs one),
NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.
Every import is idempotent: running it again (e.g. after an interruption) gives the same graph.`;

function printSummary(s: ImportSummary) {
  const lines = [
    `Imported ${s.files.join(", ")} (${s.format}) in ${s.seconds} s`,
    `  entities       ${s.entities} (${s.created.entities} created, ${s.updated.entities} updated)`,
    `  relationships  ${s.relationships} (${s.created.relationships} created, ${s.updated.relationships} updated)`,
    `  sanctions      ${s.sanctions}`,
    `  sources        ${s.sources}`,
  ];
  if (s.identifications) lines.push(`  identifications ${s.identifications}`);
  if (s.others) lines.push(`  other FtM      ${s.others} (schemata kept whole, e.g. Risk or Mention; given back by the export)`);
  lines.push(`  unresolved     ${s.unresolved} (named parties on no record; stored as Mention nodes)`);
  lines.push(`  ambiguous      ${s.ambiguous} (names on several records; stored as Mention nodes with candidates)`);
  if (s.missingEnds) {
    lines.push(`  not written    ${s.missingEnds} relationships/sanctions whose ends are not in the graph, e.g.`);
    for (const m of s.missingExamples.slice(0, 5)) lines.push(`                 ${m.id}: ${m.source} -> ${m.target}`);
  }
  for (const [k, v] of Object.entries(s.notes)) lines.push(`  ${k.padEnd(14)} ${v}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function main() {
  if (process.argv[2] === "history") return historyMain(process.argv.slice(3));
  if (process.argv[2] === "bulk") return bulkMain(process.argv.slice(3));
  const { values, positionals, usage } = parseCommandLine(HELP, {
    alt: { type: "string" },
    add: { type: "string" },
    comments: { type: "string" },
    date: { type: "string" },
    "batch-size": { type: "string" },
    json: { type: "boolean" },
  });
  if (!positionals.length) usage("Name a format, or link.");
  const [format, ...files] = positionals;
  if (format !== "link" && !(FORMATS as readonly string[]).includes(format)) {
    usage(`Unknown format "${format}". Formats: ${FORMATS.join(", ")}, or link.`);
  }
  if (format !== "link" && !files.length && !values.alt && !values.add) usage(`No files given for ${format}.`);
  const batchSize = values["batch-size"] ? Number(values["batch-size"]) : undefined;
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000))
    usage("--batch-size must be 1..50000");
  const graph = graphFromEnv(
    "The importer writes to a running Neo4j: start one with `npm start` (or `npm run neo4j -- start`), then run e.g.\n  NEO4J_URI=bolt://127.0.0.1:7687 npm run import -- ofac-csv sdn.csv",
  );
  try {
    if (format === "link") {
      await applySchema(graph);
      const result = await linkSameParties(graph);
      if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else
        process.stdout.write(
          `Compared ${result.candidates} entities: ${result.links} SAME_AS links (${result.byReferent} by FtM referent, ${result.byIdentifier} by shared identifier, ${result.byName} by name with agreeing date of birth or program family); ${result.contradicted} pairs sharing an identifier not linked, their names having nothing in common; ${result.removed} unsupported links removed\n`,
        );
      return;
    }
    const summary = await importFiles(graph, format as Format, files, {
      companions: { alt: values.alt, add: values.add, comments: values.comments },
      date: values.date,
      batchSize,
      progress: consoleProgress(),
    });
    if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else printSummary(summary);
    await alertWatchesAfterImport(graph);
  } finally {
    await graph.close();
  }
}

// What the importer rejects names the file and line (exit 1, nothing written).
runCli(
  () => main().catch((error: unknown) => Promise.reject(error instanceof ImportInputError ? new InputError(error.message) : error)),
  "Import",
);
