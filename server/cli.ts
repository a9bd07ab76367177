import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Config, ConfigError, readConfig } from "./config.ts";
import { DatabaseUnavailableError } from "./db/errors.ts";
import { Graph } from "./db/graph.ts";

/** The exit codes of every CLI (import, export, seed, neo4j); each CLI's --help lists them from here. */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Bad input: a file or value the CLI could not use; the message names it (and nothing was written). */
  badInput: 1,
  /** Usage: unknown command or option, or no database configured. */
  usage: 2,
  /** The database is unreachable. */
  databaseUnavailable: 3,
  /** Anything else (DEBUG=1 prints the stack). */
  failed: 4,
} as const;

export const EXIT_CODES_HELP = `Exit codes: ${EXIT.ok} done, ${EXIT.badInput} bad input (the message names the file or value), ${EXIT.usage} usage or no database
configured, ${EXIT.databaseUnavailable} database unreachable, ${EXIT.failed} anything else (DEBUG=1 prints the stack).`;

/** An error in what the user gave (a file, a value): exit code 1 with its message. */
export class InputError extends Error {
  override name = "InputError";
}

type HelpOption = { help: { type: "boolean"; short: "h" } };

/** Leaves with `code`, the message on standard error. */
export function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/**
 * Parses the command line against `options`; --help (or -h) prints `usage` and the exit codes and leaves with 0,
 * an unknown option leaves with 2 and the usage.
 */
type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseCommandLine<O extends Options>(usage: string, options: O, args = process.argv.slice(2)) {
  const help = `${usage}\n\n${EXIT_CODES_HELP}`;
  const config = {
    args,
    options: { ...options, help: { type: "boolean", short: "h" } } as O & HelpOption,
    allowPositionals: true as const,
  };
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    fail(EXIT.usage, `${(error as Error).message}\n\n${help}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${help}\n`);
    process.exit(EXIT.ok);
  }
  return {
    values: parsed.values,
    positionals: parsed.positionals,
    usage: (message: string): never => fail(EXIT.usage, `${message}\n\n${help}`),
  };
}

/** The configuration, or exit 2 naming the environment variable that cannot be used. */
export function configOrExit(): Config {
  try {
    return readConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(EXIT.usage, error.message);
    throw error;
  }
}

/** The Graph that NEO4J_URI names, or exit 2 with `hint` (how to start one and what to set). */
export function graphFromEnv(hint: string): Graph {
  const { neo4j } = configOrExit();
  if (!neo4j) fail(EXIT.usage, `NEO4J_URI is not set. ${hint}`);
  return new Graph(neo4j);
}

/** Runs a CLI's main and turns what it throws into the exit code its help promises. */
export function runCli(main: () => Promise<void>, what: string): void {
  main().then(
    () => process.exit(process.exitCode ?? EXIT.ok),
    (error: unknown) => {
      if (error instanceof InputError) fail(EXIT.badInput, `${what} failed, nothing was written: ${error.message}`);
      if (error instanceof ConfigError) fail(EXIT.usage, error.message);
      if (error instanceof DatabaseUnavailableError)
        fail(EXIT.databaseUnavailable, `${error.message} (NEO4J_URI=${readConfig().neo4j?.uri})`);
      const message = error instanceof Error ? error.message : String(error);
      fail(EXIT.failed, `${what} failed: ${message}${readConfig().debug && error instanceof Error ? `\n${error.stack}` : ""}`);
    },
  );
}
