/**
 * `npm run bench -- --abuse`: the fault-and-abuse scenario (issue 15). The normal mix over real HTTP from
 * `connections` clients for `duration` seconds, first clean, then with 1% hostile requests (a long word, a body over
 * the limit, a forged cursor, a list of 200 entities with their relationships); normal requests' throughput and p99
 * in both runs, and every 5xx and every error without a code. Starts its own Neo4j with the seed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Graph } from "../server/db/graph.ts";
import { entityIds } from "../server/db/queries/bench.ts";
import { applySchema } from "../server/db/schema.ts";
import { LIMITS } from "../server/graphql/limits.ts";
import { createHttpServer } from "../server/http.ts";
import { startNeo4j } from "../server/neo4j/launcher.ts";
import { projectRoot } from "../server/paths.ts";
import { loadSeed } from "../server/seed.ts";
import { createYogaServer, MAX_BODY_BYTES } from "../server/yoga.ts";
import { stats } from "./measure.ts";

const NORMAL = [
  { query: `{ search(query: "Son Kyong-sik") { totalCount edges { node { id name } } } }` },
  { query: `{ entity(id: "ofac-52286") { name sanctions { program } relationships { totalCount edges { other { name } } } } }` },
  { query: `{ neighbourhood(id: "ofac-52262") { nodes { id } edges { id } } }` },
  { query: `{ shortestPaths(from: "ofac-52264", to: "ofac-52289", maxHops: 4) { length } }` },
];

function hostile(ids: string[]): string[] {
  const forged = Buffer.from("o:2147483648").toString("base64url");
  return [
    JSON.stringify({ query: `query($q: String!) { search(query: $q) { totalCount } }`, variables: { q: "a".repeat(100_000) } }),
    JSON.stringify({ query: `{ search(query: "${"b".repeat(MAX_BODY_BYTES + 1)}") { totalCount } }` }),
    JSON.stringify({ query: `{ search(query: "kim", after: "${forged}") { totalCount } }` }),
    JSON.stringify({ query: `{ search(query: "𝐍𝐎𝐓") { totalCount } }` }),
    JSON.stringify({
      query: `query($ids: [ID!]!) { entities(ids: $ids) { relationships(first: ${LIMITS.maxRelationshipsPage}) { edges { other { name } } } } }`,
      variables: { ids: Array.from({ length: LIMITS.maxIds }, (_, i) => ids[i % ids.length]) },
    }),
  ];
}

interface Run {
  hostileShare: number;
  normalRequests: number;
  throughput: number;
  p50: number;
  p99: number;
  /** Normal requests answered with an error (QUERY_TIMEOUT, DATABASE_UNAVAILABLE): latency alone would hide them. */
  normalErrors: number;
  hostileRequests: number;
  hostileP99: number;
  status5xx: number;
  uncoded: number;
}

async function load(url: string, seconds: number, connections: number, hostileShare: number, bad: string[]): Promise<Run> {
  const normal: number[] = [];
  const abusive: number[] = [];
  let status5xx = 0;
  let uncoded = 0;
  let normalErrors = 0;
  const end = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const isHostile = Math.random() < hostileShare;
        const body = isHostile ? bad[n % bad.length] : JSON.stringify(NORMAL[n % NORMAL.length]);
        n++;
        const started = performance.now();
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
        const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        (isHostile ? abusive : normal).push(performance.now() - started);
        if (response.status >= 500) status5xx++;
        if (!isHostile && answer.errors?.length) normalErrors++;
        uncoded += (answer.errors ?? []).filter((e) => !e.extensions?.code).length;
      }
    }),
  );
  const s = stats(normal);
  return {
    hostileShare,
    normalRequests: normal.length,
    throughput: Math.round(normal.length / seconds),
    p50: Math.round(s.p50),
    p99: Math.round(s.p99),
    normalErrors,
    hostileRequests: abusive.length,
    hostileP99: abusive.length ? Math.round(stats(abusive).p99) : 0,
    status5xx,
    uncoded,
  };
}

export async function runAbuse({ seconds, connections }: { seconds: number; connections: number }): Promise<string> {
  const neo4j = await startNeo4j({ log: (l) => console.error(l) });
  const graph = new Graph({ uri: neo4j.uri, user: "neo4j", password: "", database: "neo4j" });
  const server = createHttpServer({ yoga: createYogaServer({ graph, logError: (e) => console.error(e), logLine: () => {} }) });
  try {
    await applySchema(graph);
    await loadSeed(graph);
    const ids = (await entityIds(graph, {})).map((r) => r.id);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const bad = hostile(ids);
    await load(url, Math.min(5, seconds), connections, 0, bad); // warm-up
    const clean = await load(url, seconds, connections, 0, bad);
    const abused = await load(url, seconds, connections, 0.01, bad);
    const table = [
      "| run | normal req/s | normal p50 ms | normal p99 ms | normal errors | hostile requests | hostile p99 ms | 5xx | uncoded errors |",
      "|---|---|---|---|---|---|---|---|---|",
      ...[
        ["clean", clean],
        ["1% hostile", abused],
      ].map(
        ([name, r]) =>
          `| ${name} | ${(r as Run).throughput} | ${(r as Run).p50} | ${(r as Run).p99} | ${(r as Run).normalErrors} | ${(r as Run).hostileRequests} | ${(r as Run).hostileP99} | ${(r as Run).status5xx} | ${(r as Run).uncoded} |`,
      ),
    ].join("\n");
    const date = new Date().toISOString().slice(0, 10);
    const out = join(projectRoot, "bench", "results");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "abuse.json"), `${JSON.stringify({ date, seconds, connections, clean, abused }, null, 2)}\n`);
    const md = `# Abuse benchmark (${date})\n\nSeed graph, ${connections} connections, ${seconds} s per run.\n\n${table}\n`;
    writeFileSync(join(out, "abuse.md"), md);
    return md;
  } finally {
    server.closeAllConnections();
    server.close();
    await graph.close();
    await neo4j.stop();
  }
}
