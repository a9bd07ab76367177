/**
 * `npm run screen -- names.csv`: screens every row of a CSV against the lists in the graph. See --help.
 * Exit codes: server/cli.ts (EXIT); a malformed file or row is bad input (1) and nothing is screened.
 */
import { createWriteStream, readFileSync } from "node:fs";
import cliProgress from "cli-progress";
import { graphFromEnv, InputError, parseCommandLine, runCli } from "../cli.ts";
import { DEFAULT_THRESHOLD } from "./match.ts";
import { parseScreenCsv, RESULT_CSV_HEADER, resultCsvLines, resultJsonLine, screenRows } from "./screen.ts";

const HELP = `Usage: npm run screen -- <names.csv> [options]

Screens each row against every list in the graph and writes its best candidates with scores and reasons.
The CSV has a header line; columns: name (required), schema (e.g. Person, Company), birthDate (YYYY,
YYYY-MM or YYYY-MM-DD), country (ISO codes, ";" between several), identifiers (";" between several).

Options:
  --format csv|jsonl   output format (default csv: one line per candidate)
  --out FILE           write the results there (default: standard output)
  --first N            candidates per row, 1..50 (default 3)
  --threshold X        score from which a candidate is a match, 0..1 (default ${DEFAULT_THRESHOLD})
  -h, --help           this text

Progress goes to standard error, then a summary. Needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).`;

async function main() {
  const { values, positionals, usage } = parseCommandLine(HELP, {
    format: { type: "string", default: "csv" },
    out: { type: "string" },
    first: { type: "string", default: "3" },
    threshold: { type: "string", default: String(DEFAULT_THRESHOLD) },
  });
  if (positionals.length !== 1) usage("Give one CSV file.");
  const format = values.format;
  if (format !== "csv" && format !== "jsonl") usage(`--format must be csv or jsonl, got "${format}".`);
  const first = Number(values.first);
  if (!Number.isInteger(first) || first < 1 || first > 50) usage(`--first must be a whole number from 1 to 50, got "${values.first}".`);
  const threshold = Number(values.threshold);
  if (!(threshold >= 0 && threshold <= 1)) usage(`--threshold must be from 0 to 1, got "${values.threshold}".`);
  const [file] = positionals;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const rows = parseScreenCsv(text, file); // every row is checked before anything is screened
  const graph = graphFromEnv("Start the database (`npm start` or `npm run neo4j -- start`) and set NEO4J_URI.");
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  if (format === "csv") out.write(`${RESULT_CSV_HEADER.join(",")}\n`);
  const bar = new cliProgress.SingleBar(
    {
      format: "screen [{bar}] {value}/{total} {percentage}% {eta_formatted}",
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(rows.length, 0);
  try {
    const summary = await screenRows(graph, rows, {
      first,
      threshold,
      onRow(result) {
        const lines = format === "csv" ? resultCsvLines(result, threshold) : [resultJsonLine(result, threshold)];
        out.write(`${lines.join("\n")}\n`);
        bar.increment();
      },
    });
    bar.stop();
    if (out !== process.stdout) await new Promise<void>((resolve) => out.end(() => resolve()));
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `Screened ${summary.rows} rows in ${seconds.toFixed(1)} s: ${summary.matched} with a match (score >= ${threshold}), ${summary.rows - summary.matched} without; ${summary.candidates} candidates written${values.out ? ` to ${values.out}` : ""}.\n`,
    );
  } finally {
    bar.stop();
    await graph.close();
  }
}

runCli(main, "Screening");
