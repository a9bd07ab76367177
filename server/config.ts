import { homedir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "./paths.ts";

/**
 * Every environment variable the server, its CLIs and the Neo4j launcher read, with its default, in one place.
 * A value that cannot be used (PORT=abc) is an error naming the variable, not a silent default.
 */
export interface Config {
  /** PORT: where the API listens (default 4000). */
  port: number;
  /** HOST: the interface it listens on; loopback by default, since the local Neo4j runs without authentication. */
  host: string;
  /** CORS_ORIGINS: comma-separated origins allowed to call the API from a browser (none by default). */
  corsOrigins: string[];
  /** REQUEST_DEADLINE_MS: the most time one request may take (default: the server's own, see yoga.ts). */
  deadlineMs?: number;
  /** Fair sharing between clients (server/graphql/plugins/fair-share.ts). */
  fairShare: {
    /** RATE_LIMIT_PER_MINUTE: requests a minute per anonymous client after its burst (default 600; 0 = no limit). */
    perMinute: number;
    /** RATE_LIMIT_BURST: requests an anonymous client may send at once (default 120). */
    burst: number;
    /** HEAVY_QUERIES_PER_CLIENT: traversals and scoring one client may run at once (default 4; 0 = no limit). */
    heavyPerClient: number;
    /** HEAVY_QUERIES_WAITING: more of them that wait for a slot before the client is refused (default 16). */
    heavyWaiting: number;
    /** TRUST_PROXY: the client is the first X-Forwarded-For address (only behind a proxy you run). */
    trustProxy: boolean;
  };
  /** NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE: an existing Neo4j; unset, `npm start` runs the local one. */
  neo4j?: { uri: string; user: string; password: string; database: string };
  /** The local Neo4j that `npm start` and `npm run neo4j -- start` run. */
  local: {
    /** NEO4J_PORT (default 7687). */
    port: number;
    /** NEO4J_HOME: its data, configuration and logs (default .data/neo4j). */
    home: string;
    /** NEO4J_HEAP (default 1g). */
    heap: string;
    /** NEO4J_PAGECACHE (default 512m). */
    pageCache: string;
  };
  /** NEO4J_JAVA, then JAVA_HOME: Java runtimes to try before `java` on the PATH and /usr/lib/jvm. */
  java: string[];
  /** SANCTIONS_GRAPH_CACHE (default $XDG_CACHE_HOME/sanctions-graph or ~/.cache/sanctions-graph): the Neo4j jars. */
  cacheDir: string;
  /** DEBUG: CLIs print stack traces. */
  debug: boolean;
  /** IMPORT_PROFILE: the importer prints its phase timings. */
  importProfile: boolean;
  /** Sign-in (docs/auth.md); server/auth/config.ts reads the secret these name. */
  auth: {
    /** AUTH_SECRET: the local HS256 secret itself (from an env file, never a command line). */
    secret?: string;
    /** AUTH_SECRET_FILE: a file holding it (a Docker secret); default .data/auth-secret if it exists. */
    secretFile?: string;
    /** AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE: an OIDC issuer's keys, its `iss` and the expected `aud`. */
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
    /** AUTH_ROLE_CLAIM: the claim holding the role(s), a dotted path allowed (default `role`). */
    roleClaim: string;
    /** AUTH_PUBLIC_READS: whether queries need no token (default true; writes always need one). */
    publicReads: boolean;
  };
  /** WEBHOOK_ALLOWLIST: comma-separated URL prefixes a watch's webhook may start with (none: webhooks are off). */
  webhookAllowlist: string[];
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535)
    throw new ConfigError(`${name} must be a port number (0 to 65535), got "${raw}".`);
  return value;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number (0 or more), got "${raw}".`);
  return value;
}

function memory(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+[kmg]$/i.test(raw)) throw new ConfigError(`${name} must be a size such as 512m or 2g, got "${raw}".`);
  return raw;
}

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? "").toLowerCase();
  if (raw === "") return fallback;
  if (raw !== "true" && raw !== "false") throw new ConfigError(`${name} must be true or false, got "${env[name]}".`);
  return raw === "true";
}

/** Reads the configuration from `env` (the process environment by default). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const deadline = env.REQUEST_DEADLINE_MS;
  if (deadline && !(Number.isInteger(Number(deadline)) && Number(deadline) > 0))
    throw new ConfigError(`REQUEST_DEADLINE_MS must be a whole number of milliseconds, got "${deadline}".`);
  return {
    port: port(env, "PORT", 4000),
    host: env.HOST || "127.0.0.1",
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    deadlineMs: deadline ? Number(deadline) : undefined,
    fairShare: {
      perMinute: count(env, "RATE_LIMIT_PER_MINUTE", 600),
      burst: count(env, "RATE_LIMIT_BURST", 120),
      heavyPerClient: count(env, "HEAVY_QUERIES_PER_CLIENT", 4),
      heavyWaiting: count(env, "HEAVY_QUERIES_WAITING", 16),
      trustProxy: Boolean(env.TRUST_PROXY),
    },
    neo4j: env.NEO4J_URI
      ? {
          uri: env.NEO4J_URI,
          user: env.NEO4J_USER ?? "neo4j",
          password: env.NEO4J_PASSWORD ?? "",
          database: env.NEO4J_DATABASE ?? "neo4j",
        }
      : undefined,
    local: {
      port: port(env, "NEO4J_PORT", 7687),
      home: env.NEO4J_HOME || join(projectRoot, ".data", "neo4j"),
      heap: memory(env, "NEO4J_HEAP", "1g"),
      pageCache: memory(env, "NEO4J_PAGECACHE", "512m"),
    },
    java: [env.NEO4J_JAVA, env.JAVA_HOME && join(env.JAVA_HOME, "bin", "java")].filter((v): v is string => Boolean(v)),
    cacheDir: env.SANCTIONS_GRAPH_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "sanctions-graph"),
    debug: Boolean(env.DEBUG),
    importProfile: Boolean(env.IMPORT_PROFILE),
    auth: {
      secret: env.AUTH_SECRET || undefined,
      secretFile: env.AUTH_SECRET_FILE || undefined,
      jwksUrl: env.AUTH_JWKS_URL || undefined,
      issuer: env.AUTH_ISSUER || undefined,
      audience: env.AUTH_AUDIENCE || undefined,
      roleClaim: env.AUTH_ROLE_CLAIM || "role",
      publicReads: flag(env, "AUTH_PUBLIC_READS", true),
    },
    webhookAllowlist: list(env, "WEBHOOK_ALLOWLIST"),
  };
}
