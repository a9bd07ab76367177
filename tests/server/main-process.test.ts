/**
 * `npm start` and server/main.ts as real processes: SIGTERM stops the API and then the Neo4j it started (nothing
 * left in the process group), and a start that fails after Neo4j is up stops that Neo4j too. Every wait follows an
 * event (a log line, the process's exit); vitest's timeouts (vitest.config.ts) are only ceilings for a hang.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../server/neo4j/launcher.ts";
import { projectRoot } from "../../server/paths.ts";

interface Run {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the output contains `text`; rejects if the process exits first. */
  waitFor(text: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const runs: Run[] = [];
const homes: string[] = [];

/** Starts `command` in its own process group (so the test can check that the whole group is gone). */
function run(command: string, args: string[], env: Record<string, string>): Run {
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: "", TEST_NEO4J_URI: "", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const handle: Run = {
    child,
    output: () => text,
    exited,
    waitFor: (wanted) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (text.includes(wanted)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
        void exited.then(({ code }) => reject(new Error(`exited (${code}) before printing "${wanted}":\n${text}`)));
      }),
  };
  runs.push(handle);
  return handle;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (up to a minute) for a process group to empty: polling is the only way to observe processes that are not our
 * children. The group should already be empty when npm has exited; the minute only bounds the check. */
async function groupGone(pgid: number): Promise<boolean> {
  for (let i = 0; i < 600 && groupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 100));
  return !groupAlive(pgid);
}

function neo4jHome(): string {
  const home = mkdtempSync(join(tmpdir(), "main-process-"));
  homes.push(home);
  return home;
}

const launcherPid = (home: string) => Number(readFileSync(join(home, "run", "launcher.pid"), "utf8"));

afterEach(async () => {
  // A failed assertion must not leave processes behind: end each started group by its id.
  for (const r of runs.splice(0)) {
    if (r.child.pid && groupAlive(r.child.pid)) {
      process.kill(-r.child.pid, "SIGKILL");
      await groupGone(r.child.pid);
    }
  }
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

describe("server process lifecycle", () => {
  it("SIGTERM to `npm start` stops the server and then Neo4j, leaving no process behind", async () => {
    const home = neo4jHome();
    const port = await freePort();
    const start = run("npm", ["start"], {
      PORT: String(port),
      NEO4J_PORT: String(await freePort()),
      NEO4J_HOME: home,
      NEO4J_HEAP: "256m",
      NEO4J_PAGECACHE: "64m",
    });
    await start.waitFor("Sanctions graph on");
    const neo4jPid = launcherPid(home);
    expect(alive(neo4jPid)).toBe(true);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toEqual({ status: "ok", database: true });

    process.kill(start.child.pid as number, "SIGTERM"); // npm's own PID only, as a supervisor would
    await start.exited;
    expect(await groupGone(start.child.pid as number)).toBe(true);
    expect(alive(neo4jPid)).toBe(false);
    expect(start.output()).toContain("Neo4j stopped.");
  });

  it("a start that fails after Neo4j is up (port taken) exits 1 and stops that Neo4j", async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const home = neo4jHome();
      const main = run("node", ["--import", "tsx", "server/main.ts"], {
        PORT: String(port),
        NEO4J_PORT: String(await freePort()),
        NEO4J_HOME: home,
        NEO4J_HEAP: "256m",
        NEO4J_PAGECACHE: "64m",
      });
      await main.waitFor("Neo4j is ready");
      const neo4jPid = launcherPid(home);
      expect(await main.exited).toEqual({ code: 1, signal: null });
      expect(main.output()).toContain(`Cannot listen on port ${port}`);
      expect(main.output()).toContain("Neo4j stopped.");
      expect(alive(neo4jPid)).toBe(false);
    } finally {
      taken.close();
    }
  });

  it("a database that cannot be prepared gives one clear message and exit code 1 (no ReferenceError)", async () => {
    const main = run("node", ["--import", "tsx", "server/main.ts"], {
      PORT: String(await freePort()),
      NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`,
    });
    expect(await main.exited).toEqual({ code: 1, signal: null });
    expect(main.output()).toContain("Could not prepare the database at bolt://127.0.0.1:");
    expect(main.output()).not.toMatch(/ReferenceError| {4}at /);
  });
});
