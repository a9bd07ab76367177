import type { AddressInfo } from "node:net";
import { cypher } from "../server/db/cypher.ts";
import { type Graph, integerParams } from "../server/db/graph.ts";
import { createHttpServer } from "../server/http.ts";
import { createYogaServer } from "../server/yoga.ts";
import { ms, type Stats, sample, stats } from "./measure.ts";
import type { Scenario } from "./scenarios.ts";

export interface Row {
  query: string;
  graphql: Stats;
  driver: Stats;
  /** GraphQL p50 / driver p50. */
  ratio: number;
  /** The peer API (@neo4j/graphql, bench/peer) on the same operation, where it has one. */
  peer?: Stats;
  /** Ours p50 / the peer's p50 (below 1: ours is faster). */
  peerRatio?: number;
  /** Runs that failed (e.g. hit the query timeout); their time still counts in the percentiles. */
  errors?: { graphql: number; driver: number; peer?: number; first?: string };
}

/**
 * For each scenario: p50/p95/p99 of the GraphQL operation over HTTP (a real listening server, fetch from this
 * process) beside the same Cypher through the bare driver and, where the scenario has one, the peer API's
 * operation, run one after the other so they do not compete.
 */
export interface CompareOptions {
  /** A GraphQL endpoint already listening (e.g. the API server in a process of its own); default: one started here. */
  url?: string;
  /** The peer API's endpoint (bench/peer); without it the peer is not measured. */
  peerUrl?: string;
  /** Time budget per query and side, in ms (see measure.ts `sample`). */
  budgetMs?: number;
  /** Failed runs are counted instead of ending the benchmark (a query that times out at a large size). */
  tolerateErrors?: boolean;
  /** Driver-side transaction timeout (ms); default 30 s. */
  driverTimeoutMs?: number;
}

export async function compare(graph: Graph, scenarios: Scenario[], iterations: number, options: CompareOptions = {}): Promise<Row[]> {
  const server = options.url ? undefined : createHttpServer({ yoga: createYogaServer({ graph }) });
  if (server) await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = options.url ?? `http://127.0.0.1:${((server as NonNullable<typeof server>).address() as AddressInfo).port}/graphql`;
  const warmup = Math.ceil(iterations / 5);
  const rows: Row[] = [];
  try {
    for (const s of scenarios) {
      const body = JSON.stringify(s.graphql);
      const errors = { graphql: 0, driver: 0, peer: 0, first: undefined as string | undefined };
      const tolerant = (side: "graphql" | "driver" | "peer", fn: () => Promise<void>) => async () => {
        try {
          await fn();
        } catch (error) {
          if (!options.tolerateErrors) throw error;
          errors[side]++;
          errors.first ??= `${side}: ${(error as Error).message}`.slice(0, 300);
        }
      };
      const viaApi = tolerant("graphql", () => post(url, body, s.name));
      const steps = [s.cypher, ...(s.also ?? [])].map((step) => ({
        text: cypher(step.name, step.bounds),
        params: integerParams(step.params),
      }));
      const viaDriver = tolerant("driver", async () => {
        for (const step of steps)
          await graph.driver.executeQuery(step.text, step.params, {
            database: graph.database,
            routing: "READ",
            transactionConfig: { timeout: options.driverTimeoutMs ?? 30_000 },
          });
      });
      const driver = stats(await sample(viaDriver, iterations, warmup, options.budgetMs));
      const api = stats(await sample(viaApi, iterations, warmup, options.budgetMs));
      let peer: Stats | undefined;
      if (options.peerUrl && s.peer) {
        const peerBody = JSON.stringify(s.peer);
        const peerUrl = options.peerUrl;
        peer = stats(
          await sample(
            tolerant("peer", () => post(peerUrl, peerBody, `${s.name} (peer)`)),
            iterations,
            warmup,
            options.budgetMs,
          ),
        );
      }
      rows.push({
        query: s.name,
        graphql: api,
        driver,
        ratio: api.p50 / driver.p50,
        ...(peer ? { peer, peerRatio: api.p50 / peer.p50 } : {}),
        ...(errors.graphql || errors.driver || errors.peer ? { errors } : {}),
      });
    }
  } finally {
    server?.close();
  }
  return rows;
}

/** One GraphQL request over HTTP; a response with errors throws. */
async function post(url: string, body: string, name: string): Promise<void> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const json = (await response.json()) as { errors?: { message: string }[] };
  if (json.errors) throw new Error(`${name}: ${json.errors[0].message}`);
}

const dash = "–";

/** Ours, the peer and the bare driver side by side: p50/p95 (ms) and ours' p50 over each of the others'. */
export function markdownTable(rows: Row[]): string {
  const lines = [
    "| query | ours p50 (ms) | ours p95 | peer p50 (ms) | peer p95 | driver p50 (ms) | driver p95 | ours / peer p50 | ours / driver p50 | failed (ours/peer/driver) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const peer = r.peer ? [ms(r.peer.p50), ms(r.peer.p95)] : [dash, dash];
    const failed = r.errors ? `${r.errors.graphql}/${r.errors.peer ?? 0}/${r.errors.driver}` : "0";
    lines.push(
      `| ${r.query} | ${ms(r.graphql.p50)} | ${ms(r.graphql.p95)} | ${peer[0]} | ${peer[1]} | ${ms(r.driver.p50)} | ${ms(r.driver.p95)} | ${r.peerRatio?.toFixed(2) ?? dash} | ${r.ratio.toFixed(2)} | ${failed} |`,
    );
  }
  return lines.join("\n");
}
