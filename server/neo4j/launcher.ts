import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { writeHome } from "./conf.ts";
import { findJava } from "./java.ts";
import { NEO4J_VERSION, prepareRuntime } from "./runtime.ts";
import { watchOwner } from "./watchdog.ts";

export interface StartOptions {
  /** Bolt port; 0 picks a free one. */
  port?: number;
  /** Server home (data, logs, conf). Default: a new temporary directory, removed on stop. */
  home?: string;
  heap?: string;
  pageCache?: string;
  log?: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  home: string;
  version: string;
  stop(): Promise<void>;
}

/** JVM flags of the Neo4j 5.26 distribution (server.jvm.additional), minus AlwaysPreTouch, which slows start. */
const JVM_FLAGS = [
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+DisableExplicitGC",
  "-XX:+UnlockExperimentalVMOptions",
  "-XX:+TrustFinalNonStaticFields",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Dlog4j2.disable.jmx=true",
  "-Dfile.encoding=UTF-8",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Whether something accepts connections on the port: a server there would answer the readiness check in our place. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.setTimeout(2_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/** Whether a process with this PID exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts the real Neo4j Community server (org.neo4j.server.CommunityEntryPoint) in one JVM and waits until Bolt answers. */
export async function startNeo4j(options: StartOptions = {}): Promise<LocalNeo4j> {
  const log = options.log ?? ((line: string) => console.log(line));
  const java = findJava();
  const lib = prepareRuntime(log);
  const temporary = options.home === undefined;
  const home = options.home ?? mkdtempSync(join(tmpdir(), "neo4j-"));
  const port = options.port || (await freePort());
  const pidFile = join(home, "run", "launcher.pid");
  if (existsSync(pidFile)) {
    const previous = Number(readFileSync(pidFile, "utf8"));
    if (previous && isAlive(previous)) {
      throw new Error(
        `A Neo4j started by this launcher is still running from ${home} (PID ${previous}). Stop it with \`npm run neo4j -- stop\`.`,
      );
    }
  }
  if (options.port && (await portTaken(port)))
    throw new Error(`Port ${port} is in use (another Neo4j?): set NEO4J_PORT to a free port. Nothing was started.`);
  writeHome({ home, port, pageCache: options.pageCache ?? "256m" });
  const heap = options.heap ?? "512m";
  const consoleLog = join(home, "logs", "console.log");
  const out = openSync(consoleLog, "a");
  const child: ChildProcess = spawn(
    java.bin,
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      ...JVM_FLAGS,
      "-cp",
      `${lib}/*:${home}/plugins/*`,
      "org.neo4j.server.CommunityEntryPoint",
      `--home-dir=${home}`,
      `--config-dir=${join(home, "conf")}`,
    ],
    { cwd: home, stdio: ["ignore", out, out], detached: false },
  );
  closeSync(out);
  if (child.pid === undefined) throw new Error(`Could not start ${java.bin}`);
  const pid = child.pid;
  writeFileSync(pidFile, String(pid));
  // A temporary server lives only as long as this process, however it ends.
  const unwatch = temporary ? watchOwner({ child: pid, home }) : () => {};
  let exitCode: number | null | undefined;
  child.on("exit", (code) => {
    exitCode = code;
  });

  const uri = `bolt://127.0.0.1:${port}`;
  log(`Starting Neo4j ${NEO4J_VERSION} on Java ${java.major} (PID ${pid}, ${uri}, home ${home})...`);
  const stop = async () => {
    unwatch();
    await stopProcess(child, pid);
    releasePidFile(pidFile, pid);
    if (temporary) rmSync(home, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", "unused"), { connectionTimeout: 2_000, logging: undefined });
  try {
    for (;;) {
      if (exitCode !== undefined) {
        throw new Error(
          `Neo4j exited with code ${exitCode} before it was ready.\n${tail(consoleLog)}\n${tail(join(home, "logs", "debug.log"))}`,
        );
      }
      try {
        await driver.getServerInfo({ database: "neo4j" });
        break;
      } catch {
        if (Date.now() > deadline) {
          await stop();
          throw new Error(`Neo4j did not answer on ${uri} within ${(options.readyTimeoutMs ?? 180_000) / 1000} s.\n${tail(consoleLog)}`);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } catch (error) {
    if (exitCode === undefined) await stop();
    throw error;
  } finally {
    await driver.close();
  }
  log(`Neo4j is ready on ${uri}.`);
  return { uri, pid, home, version: NEO4J_VERSION, stop };
}

/**
 * Removes the PID file only while it still names `pid`: a Neo4j started since from the same home (`npm run neo4j --
 * start`) has written its own PID there, and removing it would make `status` say "Not running" while it runs.
 */
export function releasePidFile(pidFile: string, pid: number): void {
  if (existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() === String(pid)) rmSync(pidFile, { force: true });
}

/** SIGTERM to our own PID only (the shutdown hook checkpoints and releases the store lock); SIGKILL after 60 s. */
async function stopProcess(child: ChildProcess, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(pid, "SIGTERM");
  const timer = setTimeout(() => isAlive(pid) && process.kill(pid, "SIGKILL"), 60_000);
  await exited;
  clearTimeout(timer);
}
