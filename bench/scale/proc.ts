import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../server/paths.ts";

/** Resident memory of a process from /proc/<pid>/status (Linux): current (VmRSS) and peak (VmHWM), in MiB. */
export function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return undefined;
  }
}

/** Polls a process's memory until stopped; `peak` is the largest VmHWM (or VmRSS) seen. */
export function watchMemory(pid: number, everyMs = 200) {
  let peak = 0;
  let last = 0;
  const poll = () => {
    const m = memoryOf(pid);
    if (m) {
      peak = Math.max(peak, m.peak, m.rss);
      last = m.rss;
    }
  };
  poll();
  const timer = setInterval(poll, everyMs);
  return {
    stop() {
      poll();
      clearInterval(timer);
      return { peak, last };
    },
  };
}

/** The installed version of a package (for the benchmark's "versions" line). */
export function packageVersion(name: string): string {
  return JSON.parse(readFileSync(join(projectRoot, "node_modules", name, "package.json"), "utf8")).version;
}

const tsxImport = ["--import", "tsx"];

/** Runs a TypeScript entry point of this project in a Node process of its own; stderr lines go to `log`. */
export function run(args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void) {
  const child = spawn(process.execPath, [...tsxImport, ...args], { cwd: projectRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    const text = String(d).trim();
    if (text) log(text.split(/\r|\n/).filter(Boolean).pop() ?? "");
  });
  const done = new Promise<{ code: number | null; stdout: string }>((resolve) => child.on("exit", (code) => resolve({ code, stdout })));
  return { child, done };
}
