/**
 * `npm run import -- history <folder|files...>`: applies dated OFAC sdn.csv snapshots as deltas, in date order.
 * Exit codes: server/cli.ts (EXIT), plus 5 when the mass-removal guard refuses a snapshot.
 */
import { EXIT, fail, graphFromEnv, parseCommandLine } from "../cli.ts";
import { DatabaseUnavailableError } from "../db/errors.ts";
import { consoleProgress } from "../import/progress.ts";
import { ImportInputError } from "../import/types.ts";
import { alertWatchesAfterImport } from "../watches/after-import.ts";
import { DEFAULT_MAX_REMOVAL_SHARE, MassRemovalError, replay, type SnapshotResult } from "./replay.ts";

/** A snapshot refused by the mass-removal guard (it may be applied on purpose with --allow-mass-removal). */
export const EXIT_MASS_REMOVAL = 5;

const HELP = `Usage: npm run import -- history <folder|files...> [options]

Applies dated snapshots of OFAC's legacy sdn.csv as deltas, oldest first: each record is compared with the
history's state on the snapshot's date and recorded as ADDED, REMOVED (delisted) or AMENDED (fields, old and new).
A snapshot older than the newest applied one is placed in the history; re-applying one changes nothing.
The date of a snapshot is the YYYY-MM-DD in its file name (e.g. sdn_2024-05-03.csv), or --as-of.

Options:
  --as-of YYYY-MM-DD         the date of the (single) snapshot given
  --max-removal-share X      refuse a snapshot that delists more than this share of the listed records (default ${DEFAULT_MAX_REMOVAL_SHARE})
  --allow-mass-removal       apply such a snapshot anyway (the list really shrank)
  --json                     print the results as JSON
  -h, --help                 this text

A refused snapshot (empty, truncated, unparsable, no date: exit 1; more than the share delisted: exit ${EXIT_MASS_REMOVAL}) writes
nothing, and later snapshots are not applied. Needs a running Neo4j (NEO4J_URI, ...), as the other imports.`;

function line(r: SnapshotResult, index: number, total: number): string {
  const where = `[${index + 1}/${total}] ${r.date} ${r.file.split(/[\\/]/).pop()}`;
  if (r.alreadyApplied) return `${where}: already applied, nothing changed`;
  const steps = Object.entries(r.steps)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(", ");
  return `${where}: ${r.records} records, +${r.added} added, -${r.removed} removed, ~${r.amended} amended${r.late ? " (late: placed in the history)" : ""} in ${r.seconds} s (${r.changesPerSecond} changed records/s; ${steps})`;
}

export async function historyMain(args: string[]): Promise<void> {
  const { values, positionals, usage } = parseCommandLine(
    HELP,
    {
      "as-of": { type: "string" },
      "max-removal-share": { type: "string" },
      "allow-mass-removal": { type: "boolean" },
      json: { type: "boolean" },
    },
    args,
  );
  if (!positionals.length) usage("Name a folder or snapshot files.");
  const share = values["max-removal-share"] === undefined ? undefined : Number(values["max-removal-share"]);
  if (share !== undefined && !(share >= 0 && share <= 1)) usage("--max-removal-share must be a number from 0 to 1");
  const graph = graphFromEnv("Start Neo4j with `npm start` (or `npm run neo4j -- start`) and set NEO4J_URI.");
  const results: SnapshotResult[] = [];
  // Watches near what the applied snapshots changed raise alerts (also when a later snapshot is refused).
  const alertWatches = async () => {
    if (results.some((r) => !r.alreadyApplied)) await alertWatchesAfterImport(graph);
  };
  try {
    await replay(graph, positionals, {
      asOf: values["as-of"],
      maxRemovalShare: share,
      allowMassRemoval: values["allow-mass-removal"],
      progress: values.json ? undefined : consoleProgress(),
      onSnapshot(result, index, total) {
        results.push(result);
        if (!values.json) process.stdout.write(`${line(result, index, total)}\n`);
      },
    });
    if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    await alertWatches();
  } catch (error) {
    if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    await alertWatches();
    const applied = `${results.length} snapshot(s) applied before it; it and later ones were not applied.`;
    if (error instanceof MassRemovalError) fail(EXIT_MASS_REMOVAL, `Snapshot refused: ${error.message}\n${applied}`);
    if (error instanceof ImportInputError) fail(EXIT.badInput, `Snapshot refused, nothing of it was written: ${error.message}\n${applied}`);
    if (error instanceof DatabaseUnavailableError) fail(EXIT.databaseUnavailable, error.message);
    throw error;
  } finally {
    await graph.close();
  }
}
