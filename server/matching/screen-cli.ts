/**
 * `npm run screen -- names.csv`: screens every row of a CSV against the lists in the graph. See --help.
 * Exit codes: 0 done, 1 bad input (the message names the file, line and column), 2 usage or no database
 * configured, 3 database unreachable, 4 anything else.
 */
import { createWriteStream, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { DatabaseUnavailableError } from "../db/errors.ts";
import { configFromEnv, Graph } from "../db/graph.ts";
import { DEFAULT_THRESHOLD } from "./match.ts";
import { parseScreenCsv, RESULT_CSV_HEADER, resultCsvLines, resultJsonLine, ScreenInputError, screenRows } from "./screen.ts";

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

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main() {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      allowPositionals: true,
      options: {
        format: { type: "string", default: "csv" },
        out: { type: "string" },
        first: { type: "string", default: "3" },
        threshold: { type: "string", default: String(DEFAULT_THRESHOLD) },
        help: { type: "boolean", short: "h" },
      },
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
    process.exit(0);
  }
  if (positionals.length !== 1) fail(2, `Give one CSV file.\n\n${HELP}`);
  const format = values.format;
  if (format !== "csv" && format !== "jsonl") fail(2, `--format must be csv or jsonl, got "${format}".`);
  const first = Number(values.first);
  if (!Number.isInteger(first) || first < 1 || first > 50) fail(2, `--first must be a whole number from 1 to 50, got "${values.first}".`);
  const threshold = Number(values.threshold);
  if (!(threshold >= 0 && threshold <= 1)) fail(2, `--threshold must be from 0 to 1, got "${values.threshold}".`);
  const [file] = positionals;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    fail(1, `Cannot read ${file}: ${(error as Error).message}`);
  }
  const rows = parseScreenCsv(text, file); // every row is checked before anything is screened
  const config = configFromEnv();
  if (!config) fail(2, "NEO4J_URI is not set. Start the database (`npm start` or `npm run neo4j -- start`) and set NEO4J_URI.");
  const graph = new Graph(config);
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

main().catch((error: unknown) => {
  if (error instanceof ScreenInputError) fail(1, `Screening failed, nothing was screened: ${error.message}`);
  if (error instanceof DatabaseUnavailableError) fail(3, `${error.message} (NEO4J_URI=${process.env.NEO4J_URI})`);
  const message = error instanceof Error ? error.message : String(error);
  fail(4, `Screening failed: ${message}${process.env.DEBUG ? `\n${(error as Error).stack}` : ""}`);
});
