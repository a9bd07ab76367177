import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { configOrExit, EXIT, EXIT_CODES_HELP, fail } from "../cli.ts";
import { startNeo4j } from "./launcher.ts";

/**
 * `npm run neo4j -- start|stop|status`: the local Neo4j on its own (data in NEO4J_HOME or .data/neo4j).
 * `start` runs in the foreground until Ctrl-C; `stop` signals the PID that `start` recorded.
 */
const { local } = configOrExit();
const home = local.home;
const pidFile = join(home, "run", "launcher.pid");
const command = process.argv[2];
const USAGE = `Usage: npm run neo4j -- start|stop|status
  start    runs the local Neo4j in the foreground until Ctrl-C (NEO4J_HOME, NEO4J_PORT, NEO4J_HEAP, NEO4J_PAGECACHE)
  stop     stops the one \`start\` runs
  status   says whether it runs`;

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
    // Every setting of the local server (NEO4J_PAGECACHE included), as `npm start` runs it.
    const server = await startNeo4j(local);
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
  case "-h":
  case "--help":
    console.log(`${USAGE}\n\n${EXIT_CODES_HELP}`);
    break;
  default:
    fail(EXIT.usage, `${command ? `Unknown command "${command}". ` : ""}${USAGE}\n\n${EXIT_CODES_HELP}`);
}
