import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { neo4jConf } from "../../server/neo4j/conf.ts";
import { parseJavaVersion } from "../../server/neo4j/java.ts";
import { isAlive, releasePidFile, startNeo4j } from "../../server/neo4j/launcher.ts";
import { NEO4J_VERSION } from "../../server/neo4j/runtime.ts";
import { watchOwner } from "../../server/neo4j/watchdog.ts";
import { projectRoot } from "../../server/paths.ts";

describe("Neo4j launcher", () => {
  it("removes its PID file on stop only while the file still names its own process", () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), "pid-")), "launcher.pid");
    writeFileSync(pidFile, "4242"); // a Neo4j started since from the same home
    releasePidFile(pidFile, 1234);
    expect(readFileSync(pidFile, "utf8")).toBe("4242");
    releasePidFile(pidFile, 4242);
    expect(existsSync(pidFile)).toBe(false);
  });

  it("refuses a port something else listens on (its answer would pass for our server being ready), starting nothing", async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const port = (other.address() as AddressInfo).port;
    const home = join(mkdtempSync(join(tmpdir(), "port-")), "neo4j");
    try {
      await expect(startNeo4j({ home, port, log: () => {} })).rejects.toThrow(`Port ${port} is in use`);
      expect(existsSync(home)).toBe(false);
    } finally {
      other.close();
    }
  });

  it("reads Java versions of both styles", () => {
    expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaVersion('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaVersion("nothing here")).toBeUndefined();
  });

  it("binds to loopback only with HTTP off", () => {
    const conf = neo4jConf({ home: "/h", port: 7999, pageCache: "64m" });
    expect(conf).toContain("server.bolt.listen_address=127.0.0.1:7999");
    expect(conf).toContain("server.default_listen_address=127.0.0.1");
    expect(conf).toContain("server.http.enabled=false");
  });

  it("pins the same Neo4j version for the local server and docker compose", () => {
    const compose = readFileSync(join(projectRoot, "docker-compose.yml"), "utf8");
    expect(NEO4J_VERSION).toMatch(/^5\.26\.\d+$/);
    expect(compose).toContain(`neo4j:${NEO4J_VERSION}-community`);
  });
});

describe("watchdog of a temporary Neo4j", () => {
  const alive = isAlive;
  /** Resolves once `pid` has exited (checked every 200 ms; the test's own timeout bounds the wait). */
  const exited = (pid: number) =>
    new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (alive(pid)) return;
        clearInterval(timer);
        resolve();
      }, 200);
    });

  it("stops the server and removes its home when the process that started it is killed", async () => {
    const home = mkdtempSync(join(tmpdir(), "watched-"));
    // Real processes stand in for the owner (a test runner) and the server (a JVM).
    const owner = spawn("sleep", ["300"]);
    const server = spawn("sleep", ["300"]);
    watchOwner({ owner: owner.pid as number, child: server.pid as number, home });
    owner.kill("SIGKILL");
    await exited(server.pid as number);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (existsSync(home)) return;
        clearInterval(timer);
        resolve();
      }, 200);
    });
    expect(alive(server.pid as number)).toBe(false);
  }, 120_000);

  it("leaves the server alone while its owner lives, and ends when told", async () => {
    const server = spawn("sleep", ["300"]);
    const unwatch = watchOwner({ child: server.pid as number });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // more than one of the watchdog's checks
    expect(alive(server.pid as number)).toBe(true);
    unwatch();
    server.kill("SIGKILL");
    await exited(server.pid as number);
  }, 120_000);
});
