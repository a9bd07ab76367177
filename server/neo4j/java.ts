import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readConfig } from "../config.ts";

/** Neo4j 5.26 runs on Java 17 or 21 only; never pick a newer JDK that happens to be installed. */
const SUPPORTED = [17, 21];

export function javaMajorVersion(javaBin: string): number | undefined {
  // `java -version` prints to stderr, e.g. `openjdk version "17.0.15" 2025-04-15`.
  const result = spawnSync(javaBin, ["-version"], { encoding: "utf8" });
  return result.error ? undefined : parseJavaVersion(`${result.stderr}${result.stdout}`);
}

export function parseJavaVersion(text: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first; // "1.8.0" style
}

function candidates(): string[] {
  const list = [...readConfig().java, "java"];
  const jvmDir = "/usr/lib/jvm";
  if (existsSync(jvmDir)) {
    for (const name of readdirSync(jvmDir).sort()) list.push(join(jvmDir, name, "bin", "java"));
  }
  return list;
}

/** Finds a Java 17 or 21 runtime, or throws an error that says what is missing and how to get it. */
export function findJava(): { bin: string; major: number } {
  const seen: string[] = [];
  for (const bin of candidates()) {
    if (bin.includes("/") && !existsSync(bin)) continue;
    const major = javaMajorVersion(bin);
    if (major === undefined) continue;
    if (SUPPORTED.includes(major)) return { bin, major };
    seen.push(`${bin} (Java ${major})`);
  }
  const found = seen.length ? `Found only: ${seen.join(", ")}.` : "No Java runtime was found.";
  throw new Error(
    `Neo4j 5.26 needs Java 17 or 21. ${found}\n` +
      "Install one (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`) or point NEO4J_JAVA at its java binary.\n" +
      "Alternatively set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to use a Neo4j you already run.",
  );
}
