import neo4j, { type Driver, type QueryResult, type RecordShape } from "neo4j-driver";
import { cypher } from "./cypher.ts";
import { DatabaseUnavailableError, QueryTimeoutError } from "./errors.ts";

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface QueryOptions {
  /** Values for the query's `{{name}}` bounds (see cypher.ts). */
  bounds?: Record<string, number>;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Transaction metadata, e.g. the GraphQL operation, shown by SHOW TRANSACTIONS. */
  metadata?: Record<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** One driver per process; every query is a named file from cypher/, run with a timeout. */
export class Graph {
  readonly driver: Driver;
  readonly database: string;

  constructor(config: Neo4jConfig) {
    this.database = config.database;
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 15_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 5_000,
      userAgent: "sanctions-graph",
    });
  }

  read<T extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}, options: QueryOptions = {}) {
    return this.run<T>(name, params, options, neo4j.routing.READ);
  }

  write<T extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}, options: QueryOptions = {}) {
    return this.run<T>(name, params, { timeoutMs: 120_000, ...options }, neo4j.routing.WRITE);
  }

  private async run<T extends RecordShape>(
    name: string,
    params: Record<string, unknown>,
    options: QueryOptions,
    routing: "READ" | "WRITE",
  ): Promise<QueryResult<T>> {
    try {
      return await this.driver.executeQuery<QueryResult<T>>(cypher(name, options.bounds), integerParams(params), {
        database: this.database,
        routing,
        signal: options.signal,
        transactionConfig: { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, metadata: { query: name, ...options.metadata } },
      });
    } catch (error) {
      throw translate(error);
    }
  }

  /** True when the database answers a trivial query. */
  async healthy(): Promise<boolean> {
    try {
      await this.driver.executeQuery("RETURN 1", {}, { database: this.database, transactionConfig: { timeout: 2_000 } });
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** The driver sends every JS number as a FLOAT, which LIMIT, SKIP and list slices reject: whole top-level numbers go as integers. */
export function integerParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === "number" && Number.isSafeInteger(v) ? neo4j.int(v) : v]),
  );
}

const UNAVAILABLE = new Set(["ServiceUnavailable", "SessionExpired"]);

function translate(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? "";
  if (UNAVAILABLE.has(code) || /ECONNREFUSED|Connection acquisition timed out/.test(String(error))) {
    return new DatabaseUnavailableError(error);
  }
  if (code === "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration" || code.includes("TransactionTimedOut")) {
    return new QueryTimeoutError(error);
  }
  return error;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | undefined {
  if (!env.NEO4J_URI) return undefined;
  return {
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER ?? "neo4j",
    password: env.NEO4J_PASSWORD ?? "",
    database: env.NEO4J_DATABASE ?? "neo4j",
  };
}
