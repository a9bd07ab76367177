/**
 * The local Neo4j's files (NEO4J_HOME) around an offline import: whether a server from this launcher runs on
 * them (its recorded PID), stopping it by that PID, and `neo4j-admin database import full` from the same Maven
 * jars the server runs from (org.neo4j.cli.AdminTool, what `bin/neo4j-admin` ends up running).
 *
 * neo4j-admin builds the new database beside the home's `neo4j` database, under another name, and it is moved in
 * only once the import has succeeded: a failed or interrupted import leaves the database that was there as it was
 * (neo4j-admin's own --overwrite-destination deletes it first and leaves a half-written store when it fails).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { findJava } from "../../neo4j/java.ts";
import { isAlive } from "../../neo4j/launcher.ts";
import { prepareRuntime } from "../../neo4j/runtime.ts";

export const DATABASE = "neo4j";
/** Where neo4j-admin writes the new database (a valid database name no user database of this project has). */
const STAGING = "bulk-import";
/** Where the replaced database goes for the moment between the two moves. */
const REPLACED = "bulk-replaced";

/** A database's two directories: its store and its transaction logs. */
const databaseDirs = (home: string, name: string) => ["databases", "transactions"].map((dir) => join(home, "data", dir, name));

const remove = (home: string, name: string) => {
  for (const dir of databaseDirs(home, name)) rmSync(dir, { recursive: true, force: true });
};

/** The imported database takes the place of the home's `neo4j` database (deleted, if there was one). */
function moveIn(home: string) {
  remove(home, REPLACED);
  const [store, logs] = databaseDirs(home, DATABASE);
  const [aside, asideLogs] = databaseDirs(home, REPLACED);
  const [staged, stagedLogs] = databaseDirs(home, STAGING);
  if (existsSync(store)) renameSync(store, aside);
  if (existsSync(logs)) renameSync(logs, asideLogs);
  renameSync(staged, store);
  renameSync(stagedLogs, logs);
  remove(home, REPLACED);
}

/** The store of the `neo4j` database exists (a started server creates it, empty or not). */
export function storeExists(home: string): boolean {
  return existsSync(join(home, "data", "databases", DATABASE));
}

/**
 * The PID of a Neo4j this launcher started from `home`, if one runs: the PID file must name a live process whose
 * command line is our server on this home (a PID reused by another program is not ours to stop).
 */
export function runningServer(home: string): number | undefined {
  const pidFile = join(home, "run", "launcher.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return command.includes("org.neo4j.server.CommunityEntryPoint") && command.includes(`--home-dir=${home}`) ? pid : undefined;
  } catch {
    return undefined; // no such process
  }
}

/** SIGTERM to that PID only (Neo4j's shutdown hook checkpoints and releases the store lock), then waits for it to exit. */
export async function stopServer(pid: number, timeoutMs = 180_000): Promise<void> {
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`Neo4j (PID ${pid}) did not stop within ${timeoutMs / 1000} s of SIGTERM; nothing was imported.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The Bolt port the home's neo4j.conf names (what the server running from it listens on). */
export function boltPort(home: string): number | undefined {
  const conf = join(home, "conf", "neo4j.conf");
  if (!existsSync(conf)) return undefined;
  const match = /^server\.bolt\.listen_address=.*:(\d+)$/m.exec(readFileSync(conf, "utf8"));
  return match ? Number(match[1]) : undefined;
}

export interface AdminImport {
  home: string;
  nodes: string[];
  relationships: string[];
  multiline: boolean;
  arrayDelimiter: string;
  reportFile: string;
  heap?: string;
  /** Each line neo4j-admin prints (its own progress). */
  log: (line: string) => void;
}

/**
 * Runs `neo4j-admin database import full` on the home's configuration into a database of its own, then moves it in
 * place of the home's `neo4j` database; when it fails, rejects with its last lines and leaves that database alone.
 */
export async function adminImport(options: AdminImport): Promise<void> {
  remove(options.home, STAGING); // left by an import that was interrupted
  try {
    await runAdmin(options);
  } catch (error) {
    remove(options.home, STAGING);
    throw error;
  }
  moveIn(options.home);
}

async function runAdmin(options: AdminImport): Promise<void> {
  const java = findJava();
  const lib = prepareRuntime(options.log);
  const unicode = `U+${options.arrayDelimiter.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}`;
  const args = [
    `-Xmx${options.heap ?? "1g"}`,
    "-XX:+UseG1GC",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-cp",
    `${lib}/*`,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    ...options.nodes.map((file) => `--nodes=${file}`),
    ...options.relationships.map((file) => `--relationships=${file}`),
    `--array-delimiter=${unicode}`,
    `--multiline-fields=${options.multiline}`,
    "--skip-bad-relationships=false",
    "--skip-duplicate-nodes=false",
    `--report-file=${options.reportFile}`,
    STAGING,
  ];
  const child = spawn(java.bin, args, {
    env: { ...process.env, NEO4J_HOME: options.home, NEO4J_CONF: join(options.home, "conf") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const last: string[] = [];
  const read = (stream: NodeJS.ReadableStream) =>
    createInterface({ input: stream }).on("line", (line) => {
      last.push(line);
      if (last.length > 30) last.shift();
      options.log(line);
    });
  read(child.stdout);
  read(child.stderr);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0)
    throw new Error(
      `neo4j-admin database import full exited with ${code} (the database in ${options.home} was not changed):\n${last.join("\n")}`,
    );
}
