/**
 * `npm run bench -- --matching`: the matching evaluation (eval-set.ts) over HTTP with every real list loaded:
 * top-1 accuracy and recall@5 per kind, the false-positive rate on unlisted names at the default threshold (and
 * at others, for choosing it), and `match` latency p50/p95. Uses the database at NEO4J_URI when given (it must
 * hold the real lists), else starts its own Neo4j on a fresh directory and imports them.
 */
import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { cpus } from "node:os";
import { join } from "node:path";
import { readConfig } from "../../server/config.ts";
import { Graph } from "../../server/db/graph.ts";
import { applySchema } from "../../server/db/schema.ts";
import { createHttpServer } from "../../server/http.ts";
import { DEFAULT_THRESHOLD } from "../../server/matching/match.ts";
import { startNeo4j } from "../../server/neo4j/launcher.ts";
import { projectRoot } from "../../server/paths.ts";
import { createYogaServer } from "../../server/yoga.ts";
import { buildEvalSet, type EvalCase, type Kind } from "./eval-set.ts";
import { importRealLists } from "./real-lists.ts";

const MATCH = `query($name: String!, $schema: String, $birthDate: String) {
  match(name: $name, schema: $schema, birthDate: $birthDate, first: 6) { score entity { id } }
}`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function runMatchingBench(log: (line: string) => void = console.error) {
  const configured = readConfig().neo4j;
  const neo4j = configured ? undefined : await startNeo4j({ log }); // a temporary home, removed on stop
  const graph = new Graph(configured ?? { uri: neo4j!.uri, user: "neo4j", password: "", database: "neo4j" });
  const server = createHttpServer({ yoga: createYogaServer({ graph }) });
  try {
    if (!configured) {
      await applySchema(graph);
      log("Importing the real lists...");
      log(JSON.stringify(await importRealLists(graph)));
    }
    const cases = await buildEvalSet(graph);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const outcomes: { c: EvalCase; top: { score: number; id: string }[]; ms: number }[] = [];
    for (const [i, c] of cases.entries()) {
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: MATCH, variables: { name: c.name, schema: c.schema, birthDate: c.birthDate } }),
      });
      const body = (await response.json()) as { data?: { match: { score: number; entity: { id: string } }[] }; errors?: unknown[] };
      const ms = performance.now() - started;
      if (!body.data) throw new Error(`match failed for ${JSON.stringify(c)}: ${JSON.stringify(body.errors)}`);
      const top = body.data.match.map((m) => ({ score: m.score, id: m.entity.id })).filter((m) => m.id !== c.exclude);
      outcomes.push({ c, top, ms });
      if ((i + 1) % 100 === 0) log(`${i + 1}/${cases.length}`);
    }
    const kinds: Kind[] = ["alias", "typo", "crossList", "unlisted"];
    const perKind = kinds.map((kind) => {
      const list = outcomes.filter((o) => o.c.kind === kind);
      if (kind === "unlisted") {
        const fp = (t: number) => list.filter((o) => (o.top[0]?.score ?? 0) >= t).length / list.length;
        return {
          kind,
          cases: list.length,
          falsePositiveRate: fp(DEFAULT_THRESHOLD),
          falsePositivesAt: { 0.7: fp(0.7), 0.8: fp(0.8), 0.9: fp(0.9), 0.95: fp(0.95) },
        };
      }
      const top1 = list.filter((o) => o.top[0] && o.c.expected.includes(o.top[0].id)).length / list.length;
      const recall5 = list.filter((o) => o.top.slice(0, 5).some((t) => o.c.expected.includes(t.id))).length / list.length;
      const matched =
        list.filter((o) => o.top[0] && o.c.expected.includes(o.top[0].id) && o.top[0].score >= DEFAULT_THRESHOLD).length / list.length;
      const misses = list
        .filter((o) => !o.top[0] || !o.c.expected.includes(o.top[0].id))
        .slice(0, 5)
        .map((o) => ({ name: o.c.name, expected: o.c.expected.slice(0, 3), got: o.top[0] }));
      return { kind, cases: list.length, top1, recall5, matchedAtThreshold: matched, misses };
    });
    const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const report = {
      date: new Date().toISOString(),
      machine: `${cpus().length} cores (shared), Node ${process.version}`,
      threshold: DEFAULT_THRESHOLD,
      perKind,
      latencyMs: { requests: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    };
    const file = join(projectRoot, "bench", "results", "matching.json");
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    return { report, file };
  } finally {
    server.close();
    await graph.close();
    await neo4j?.stop();
  }
}
