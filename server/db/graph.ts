import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from "neo4j-driver";
import { cypher } from "./cypher.ts";
import { ClientClosedError, DatabaseNoAnswerError, DatabaseUnavailableError, QueryTimeoutError } from "./errors.ts";

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
}

/**
 * For callers that set none: the importer, export and seed, on a database that may have just started (the API's
 * queries each set their own, see db/queries).
 */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** How long past a transaction's own timeout the database gets to report it before we stop waiting. */
const ANSWER_GRACE_MS = 500;

/** One deadline over all the queries of a request (see `Graph.until`). */
export interface Deadline {
  /** Epoch ms. */
  at: number;
  /** Aborted when the caller goes away. */
  signal?: AbortSignal;
}

/** Runs a query file inside a transaction (see Graph.writeTransaction). */
export type TxRun = (name: string, params?: Record<string, unknown>) => Promise<QueryResult>;

/** One driver per process; every query is a named file from cypher/, run with a timeout. */
export class Graph {
  readonly driver: Driver;
  readonly database: string;
  private deadline?: Deadline;

  constructor(config: Neo4jConfig) {
    this.database = config.database;
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 15_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 2_000,
      // A connection idle for a while is checked before use, so one broken while the database was away is not handed out.
      connectionLivenessCheckTimeout: 10_000,
      userAgent: "sanctions-graph",
    });
  }

  /**
   * The same driver with one deadline over every query run through it (a request's): each transaction's timeout
   * is cut to the time left, and a query the database does not answer by then is abandoned (its session closed).
   */
  until(deadline: Deadline): Graph {
    const scoped = Object.create(this) as Graph;
    scoped.deadline = deadline;
    return scoped;
  }

  read<T extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}, options: QueryOptions = {}) {
    return this.run<T>(name, params, options, neo4j.routing.READ);
  }

  write<T extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}, options: QueryOptions = {}) {
    return this.run<T>(name, params, { timeoutMs: 120_000, ...options }, neo4j.routing.WRITE);
  }

  /**
   * Runs `work` as one write transaction: all its statements commit together or not at all. The driver retries the
   * whole of `work` on transient errors (a deadlock between concurrent writers), so `work` must only touch the graph.
   */
  async writeTransaction<T>(work: (run: TxRun) => Promise<T>, options: QueryOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx: ManagedTransaction) => work((name, params = {}) => tx.run(cypher(name, options.bounds), integerParams(params))),
        { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
      );
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
  }

  private async run<T extends RecordShape>(
    name: string,
    params: Record<string, unknown>,
    options: QueryOptions,
    routing: "READ" | "WRITE",
  ): Promise<QueryResult<T>> {
    const text = cypher(name, options.bounds);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const left = this.deadline ? this.deadline.at - Date.now() : Number.POSITIVE_INFINITY;
    if (left <= 0) throw new QueryTimeoutError(undefined, name, 0);
    // Our own controller: the driver's executeQuery only closes its session on abort, and a hung database never
    // confirms that, so the caller is answered here and the driver cleans up behind it.
    const abort = new AbortController();
    const signals = [options.signal, this.deadline?.signal].filter((s): s is AbortSignal => s !== undefined);
    const onAbort = () => abort.abort(new ClientClosedError());
    for (const s of signals) s.addEventListener("abort", onAbort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const query = this.driver.executeQuery<QueryResult<T>>(text, integerParams(params), {
      database: this.database,
      routing,
      signal: abort.signal,
      transactionConfig: { timeout: Math.max(1, Math.min(timeoutMs, left)), metadata: { query: name } },
    });
    const gaveUp = new Promise<never>((_, reject) => {
      const fail = () =>
        reject(abort.signal.reason instanceof NoAnswer ? new DatabaseNoAnswerError(left + ANSWER_GRACE_MS) : abort.signal.reason);
      abort.signal.addEventListener("abort", fail, { once: true });
      if (Number.isFinite(left)) timer = setTimeout(() => abort.abort(new NoAnswer()), left + ANSWER_GRACE_MS);
    });
    try {
      return await Promise.race([query, gaveUp]);
    } catch (error) {
      throw translate(error, name, Math.min(timeoutMs, left));
    } finally {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener("abort", onAbort);
      query.catch(() => {}); // settled later, if at all, once abandoned
    }
  }

  private probe?: Promise<boolean>;

  /**
   * True when the database answers a trivial query within `withinMs`. One probe at a time: while the database
   * hangs, callers share the probe in flight instead of each holding another connection.
   */
  healthy(withinMs = 800): Promise<boolean> {
    this.probe ??= this.driver
      .executeQuery("RETURN 1", {}, { database: this.database, transactionConfig: { timeout: withinMs } })
      .then(
        () => true,
        () => false,
      )
      .finally(() => {
        this.probe = undefined;
      });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), withinMs);
    });
    return Promise.race([this.probe, late]).finally(() => clearTimeout(timer));
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** The reason a query was abandoned at its deadline: the database did not answer, not even with its own timeout. */
class NoAnswer extends Error {}

/** The driver sends every JS number as a FLOAT, which LIMIT, SKIP and list slices reject: whole top-level numbers go as integers. */
export function integerParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === "number" && Number.isSafeInteger(v) ? neo4j.int(v) : v]),
  );
}

const UNAVAILABLE = new Set(["ServiceUnavailable", "SessionExpired"]);

/** A driver error as the errors callers handle: DatabaseUnavailableError, QueryTimeoutError, or itself. */
export function translate(error: unknown, name = "schema", timeoutMs = DEFAULT_TIMEOUT_MS): unknown {
  const code = (error as { code?: string }).code ?? "";
  if (UNAVAILABLE.has(code) || /ECONNREFUSED|Connection acquisition timed out/.test(String(error))) {
    return new DatabaseUnavailableError(error);
  }
  if (code === "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration" || code.includes("TransactionTimedOut")) {
    return new QueryTimeoutError(error, name, timeoutMs);
  }
  return error;
}
