import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ServerSettings {
  home: string;
  port: number;
  pageCache: string;
}

/**
 * neo4j.conf for a loopback-only server: Bolt on 127.0.0.1, HTTP off, no auth (nothing else can reach it),
 * bounded transactions. Strict validation is on in 5.x, so every key here must be a 5.x key.
 */
export function neo4jConf({ home, port, pageCache }: ServerSettings): string {
  const settings: Record<string, string> = {
    "server.default_listen_address": "127.0.0.1",
    "server.bolt.enabled": "true",
    "server.bolt.listen_address": `127.0.0.1:${port}`,
    "server.http.enabled": "false",
    "server.https.enabled": "false",
    "dbms.security.auth_enabled": "false",
    "server.directories.data": join(home, "data"),
    "server.directories.logs": join(home, "logs"),
    "server.directories.run": join(home, "run"),
    "server.directories.import": join(home, "import"),
    "server.directories.plugins": join(home, "plugins"),
    "server.memory.pagecache.size": pageCache,
    "dbms.memory.transaction.total.max": "512m",
    // A backstop only: every query of ours sets its own, shorter timeout through the driver.
    "db.transaction.timeout": "60s",
    "db.lock.acquisition.timeout": "10s",
    "db.tx_log.rotation.retention_policy": "keep_none",
    "dbms.usage_report.enabled": "false",
    "dbms.cypher.forbid_exhaustive_shortestpath": "true",
    "server.logs.config": join(home, "conf", "server-logs.xml"),
    "server.logs.user.config": join(home, "conf", "user-logs.xml"),
  };
  return `${Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join("\n")}\n`;
}

/** Log4j2 config: a Maven-assembled home has none, so we write a minimal one (file appender, INFO). */
function log4jConf(file: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="ERROR">
  <Appenders>
    <File name="File" fileName="${file}">
      <PatternLayout pattern="%d{yyyy-MM-dd HH:mm:ss.SSSZ} %-5p %m%n"/>
    </File>
  </Appenders>
  <Loggers>
    <Root level="INFO"><AppenderRef ref="File"/></Root>
  </Loggers>
</Configuration>
`;
}

export function writeHome(settings: ServerSettings): void {
  const { home } = settings;
  for (const dir of ["conf", "data", "logs", "run", "import", "plugins"]) mkdirSync(join(home, dir), { recursive: true });
  writeFileSync(join(home, "conf", "neo4j.conf"), neo4jConf(settings));
  writeFileSync(join(home, "conf", "server-logs.xml"), log4jConf(join(home, "logs", "debug.log")));
  writeFileSync(join(home, "conf", "user-logs.xml"), log4jConf(join(home, "logs", "neo4j.log")));
}
