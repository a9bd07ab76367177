import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../paths.ts";
import { startNeo4j } from "./launcher.ts";

/**
 * `npm run neo4j -- start|stop|status`: the local Neo4j on its own (data in NEO4J_HOME or .data/neo4j).
 * `start` runs in the foreground until Ctrl-C; `stop` signals the PID that `start` recorded.
 */
const home = process.env.NEO4J_HOME ?? join(projectRoot, ".data", "neo4j");
const pidFile = join(home, "run", "launcher.pid");
const command = process.argv[2];

function runningPid(): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8"));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

switch (command) {
  case "start": {
    const server = await startNeo4j({ home, port: Number(process.env.NEO4J_PORT ?? 7687), heap: process.env.NEO4J_HEAP ?? "1g" });
    console.log(`Use NEO4J_URI=${server.uri}. Ctrl-C stops it.`);
    const stop = () => void server.stop().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    break;
  }
  case "stop": {
    const pid = runningPid();
    if (!pid) {
      console.log(`No local Neo4j is running from ${home}.`);
      break;
    }
    process.kill(pid, "SIGTERM");
    console.log(`Sent SIGTERM to Neo4j (PID ${pid}).`);
    break;
  }
  case "status": {
    const pid = runningPid();
    console.log(pid ? `Running (PID ${pid}, home ${home}).` : `Not running (home ${home}).`);
    break;
  }
  default:
    console.error("Usage: npm run neo4j -- start|stop|status");
    process.exit(2);
}
