import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readConfig } from "../config.ts";
import { projectRoot } from "../paths.ts";

/** The single Neo4j version string, shared with docker-compose.yml (a test checks they agree). */
export const NEO4J_VERSION = readFileSync(join(projectRoot, "tools/neo4j/version"), "utf8").trim();

export function cacheDir(): string {
  return join(readConfig().cacheDir, `neo4j-${NEO4J_VERSION}`);
}

/**
 * Makes sure the Neo4j Community jars are in the cache, fetching them from Maven Central once.
 * Returns the lib directory. A marker file makes an interrupted download start over rather than run half a server.
 */
export function prepareRuntime(log: (line: string) => void = console.log): string {
  const lib = join(cacheDir(), "lib");
  const marker = join(lib, ".complete");
  if (existsSync(marker)) return lib;
  log(`Fetching Neo4j Community ${NEO4J_VERSION} from Maven Central into ${lib} (once, about 125 MB)...`);
  mkdirSync(lib, { recursive: true });
  try {
    execFileSync(
      "mvn",
      [
        "-B",
        "-q",
        "-f",
        join(projectRoot, "tools/neo4j/pom.xml"),
        `-Dneo4j.version=${NEO4J_VERSION}`,
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
        "-DincludeScope=runtime",
        `-DoutputDirectory=${lib}`,
      ],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing
        ? "Maven (mvn) is needed once to fetch the Neo4j jars. Install it (Debian/Ubuntu: `apt-get install maven`) or set NEO4J_URI to use a Neo4j you already run."
        : `Maven could not fetch org.neo4j:neo4j:${NEO4J_VERSION} from Maven Central (see its output above). Check the network, then run again.`,
    );
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return lib;
}
