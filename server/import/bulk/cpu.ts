/**
 * CPU seconds of the bulk import's steps, beside their wall-clock seconds: on a shared machine the wall clock says
 * as much about the other programs as about the import, CPU time does not, and CPU seconds / cores is the floor a
 * step's wall clock cannot go under (docs/scale.md, "Loading"). Linux (/proc); elsewhere the Java side is unknown.
 */
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux platform Node runs on). */
const TICKS = 100;

/** utime, stime, cutime, cstime of /proc/<pid>/stat (the fields after the parenthesised command name). */
function times(pid: number | "self"): number[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat
      .slice(stat.lastIndexOf(")") + 2)
      .split(" ")
      .slice(11, 15)
      .map((ticks) => Number(ticks) / TICKS);
  } catch {
    return undefined;
  }
}

/** This process, every thread (the reading and the match-keys worker). */
export function ownCpu(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Children that ended and were waited for (neo4j-admin). */
export function endedChildrenCpu(): number | undefined {
  const t = times("self");
  return t && t[2] + t[3];
}

/** A running process (the Neo4j server). */
export function processCpu(pid: number): number | undefined {
  const t = times(pid);
  return t && t[0] + t[1];
}

/** `after - before`, in seconds to 0.1, when both are known. */
export function spent(before: number | undefined, after: number | undefined): number | undefined {
  return before === undefined || after === undefined ? undefined : Math.round((after - before) * 10) / 10;
}
