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
