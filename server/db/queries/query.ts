import type { QueryResult, RecordShape } from "neo4j-driver";
import type { QueryOptions } from "../graph.ts";

/** What a query function needs of `Graph`: run one named Cypher file (tests pass a recorder instead). */
export interface Runner {
  read<T extends RecordShape>(name: string, params?: Record<string, unknown>, options?: QueryOptions): Promise<QueryResult<T>>;
  write<T extends RecordShape>(name: string, params?: Record<string, unknown>, options?: QueryOptions): Promise<QueryResult<T>>;
}

/** One run of a Cypher file: the file, its parameters, the bounds written into its text (see cypher.ts), its timeout. */
export interface Statement {
  name: string;
  params: Record<string, unknown>;
  bounds?: Record<string, number>;
  timeoutMs: number;
}

/** A typed query: called with a runner and its parameters, it returns its rows; `statement` says what it would run. */
export interface Query<P, R> {
  (graph: Runner, params: P, signal?: AbortSignal): Promise<R[]>;
  statement(params: P): Statement;
}

type Build<P> = (params: P) => { params: Record<string, unknown>; bounds?: Record<string, number> };

const asIs = <P>(params: P) => ({ params: params as Record<string, unknown> });

function define<P, R extends RecordShape>(mode: "read" | "write", name: string, timeoutMs: number, build: Build<P>): Query<P, R> {
  const statement = (params: P): Statement => ({ name, timeoutMs, ...build(params) });
  const run = async (graph: Runner, params: P, signal?: AbortSignal) => {
    const s = statement(params);
    const result = await graph[mode]<R>(s.name, s.params, { bounds: s.bounds, timeoutMs: s.timeoutMs, signal });
    return result.records.map((record) => record.toObject());
  };
  return Object.assign(run, { statement });
}

/** A read query on cypher/<name>.cypher; `build` maps the typed parameters to the Cypher parameters and bounds. */
export function readQuery<P, R extends RecordShape>(name: string, timeoutMs: number, build: Build<P> = asIs): Query<P, R> {
  return define("read", name, timeoutMs, build);
}

/** A write query on cypher/<name>.cypher (import batches: long timeouts). */
export function writeQuery<P, R extends RecordShape = RecordShape>(name: string, timeoutMs: number, build: Build<P> = asIs): Query<P, R> {
  return define("write", name, timeoutMs, build);
}
