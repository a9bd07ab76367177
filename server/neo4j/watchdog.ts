import { spawn } from "node:child_process";

/**
 * The watchdog's own program, run by a separate Node process: every second it checks that `owner` lives; once it
 * does not, it stops `child` (SIGTERM, then SIGKILL after a minute) and removes `home`. It ends when `child` does.
 */
const PROGRAM = `
const { rmSync } = require("node:fs");
const [owner, child, home] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
const kill = (signal) => { try { process.kill(Number(child), signal); } catch {} };
const watch = setInterval(() => {
  if (!alive(child)) process.exit(0);
  if (alive(owner)) return;
  clearInterval(watch);
  kill("SIGTERM");
  const since = Date.now();
  setInterval(() => {
    if (alive(child) && Date.now() - since < 60000) return;
    kill("SIGKILL");
    if (home) rmSync(home, { recursive: true, force: true });
    process.exit(0);
  }, 500);
}, 1000);
`;

/**
 * Stops a temporary Neo4j whose owner died without stopping it (a test run or benchmark killed with SIGKILL or
 * Ctrl-C twice): without this its JVM would run on, holding a gigabyte and a port, until someone finds its PID.
 * Returns a function that ends the watchdog, for an orderly stop.
 */
export function watchOwner({ owner = process.pid, child, home }: { owner?: number; child: number; home?: string }): () => void {
  const watchdog = spawn(process.execPath, ["-e", PROGRAM, String(owner), String(child), home ?? ""], {
    detached: true,
    stdio: "ignore",
  });
  watchdog.unref();
  return () => {
    if (watchdog.exitCode === null && watchdog.pid) process.kill(watchdog.pid, "SIGTERM");
  };
}
