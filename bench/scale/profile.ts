/**
 * PROFILE the benchmark's queries on a generated network and compare query variants:
 *
 *   npx tsx bench/scale/profile.ts --size 100k --home /tmp/neo4j-100k [--variants DIR] [--runs 30] [--only TEXT,TEXT]
 *   npx tsx bench/scale/profile.ts --size 1m --home /other/neo4j-home --page-cache 4g   # another graph, other memory
 *   npx tsx bench/scale/profile.ts --size 1m --uri bolt://127.0.0.1:7687 --variants DIR   # a Neo4j already running
 *
 * Starts Neo4j on --home (kept, so later runs reuse the imported graph; the first run imports the generated
 * file through the FtM importer), or with --uri uses one already running on that graph (no start, no import),
 * writes each query's profiled plan to bench/results/plans/<size>/, and with --variants DIR also times every
 * DIR/<name>.cypher (same name as cypher/read/<name>.cypher, same parameters) against the current one, p50 over
 * --runs runs, with its plan. The two are timed in alternation (one run of each in turn), so that load from
 * other processes falls on both alike; db hits and rows do not depend on load at all. `--only` keeps the queries
 * whose name contains one of its comma-separated texts; `--page-cache` overrides the bench's page cache for the size
 * (neo4jMemory), to compare configurations on one graph.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import neo4j, { type ProfiledPlan } from "neo4j-driver";
import { cypher } from "../../server/db/cypher.ts";
import { Graph, integerParams } from "../../server/db/graph.ts";
import type { Statement } from "../../server/db/queries/query.ts";
import { awaitIndexes } from "../../server/db/schema.ts";
import { importFiles } from "../../server/import/index.ts";
import { startNeo4j } from "../../server/neo4j/launcher.ts";
import { projectRoot } from "../../server/paths.ts";
import { generateFile, parseSize } from "../generator/file.ts";
import type { Sidecar } from "../generator/network.ts";
import { stats } from "../measure.ts";
import { defaultDataDir, neo4jMemory } from "./run.ts";
import { scaleScenarios } from "./scenarios.ts";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "100k" },
    home: { type: "string" },
    seed: { type: "string", default: "53" },
    variants: { type: "string" },
    runs: { type: "string", default: "30" },
    only: { type: "string" },
    "page-cache": { type: "string" },
    label: { type: "string" },
    uri: { type: "string" },
  },
});
const size = values.size as string;
const seed = Number(values.seed);
const runs = Number(values.runs);
const entities = parseSize(size);
const home = values.home ?? join(defaultDataDir, `neo4j-${size}`);
mkdirSync(defaultDataDir, { recursive: true });
const file = join(defaultDataDir, `synthetic-${size}-seed${seed}.ftm.json`);
const sidecar: Sidecar = existsSync(`${file}.targets.json`)
  ? JSON.parse(readFileSync(`${file}.targets.json`, "utf8"))
  : await generateFile(entities, seed, file);

const fresh = !values.uri && !existsSync(join(home, "data"));
const memory = { ...neo4jMemory(entities), ...(values["page-cache"] ? { pageCache: values["page-cache"] } : {}) };
const server = values.uri ? undefined : await startNeo4j({ home, ...memory, log: (l) => console.error(l) });
const only = values.only?.split(",").map((t) => t.trim());
const graph = new Graph({ uri: values.uri ?? (server?.uri as string), user: "neo4j", password: "", database: "neo4j" });

/** A profiled plan as indented text: operator, details, rows, db hits, page cache hits/misses. */
export function planText(plan: ProfiledPlan, depth = 0): string {
  const details = String(plan.arguments?.Details ?? "").replace(/\s+/g, " ");
  const line = `${"  ".repeat(depth)}${plan.operatorType}${details ? ` ${details}` : ""} | rows ${plan.rows} | dbHits ${plan.dbHits} | pageCache ${plan.pageCacheHits}/${plan.pageCacheMisses}`;
  return [line, ...plan.children.map((c) => planText(c, depth + 1))].join("\n");
}

function totalHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, c) => sum + totalHits(c), 0);
}

const bound = (text: string, bounds: Record<string, number> = {}) =>
  text.replace(/^\/\/ include: (\S+)$/gm, (_, part: string) => cypher(part)).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(bounds[k]));

/** Latencies (ms) of each text over `runs` rounds, one run of each text per round, after a warm-up. */
async function time(texts: string[], params: Record<string, unknown>): Promise<number[][]> {
  const out = texts.map(() => [] as number[]);
  const once = (text: string) =>
    graph.driver.executeQuery(text, params, { database: graph.database, transactionConfig: { timeout: 60_000 } });
  for (let i = 0; i < Math.max(3, runs / 5); i++) for (const text of texts) await once(text);
  for (let i = 0; i < runs; i++) {
    for (const [k, text] of texts.entries()) {
      const t = performance.now();
      await once(text);
      out[k].push(performance.now() - t);
    }
  }
  return out;
}

async function profile(text: string, params: Record<string, unknown>) {
  const result = await graph.driver.executeQuery(`PROFILE ${text}`, params, { database: graph.database });
  const plan = result.summary.profile as ProfiledPlan;
  return { plan: planText(plan), dbHits: totalHits(plan), rows: result.records.length };
}

try {
  if (fresh) {
    console.error(`importing ${file}`);
    const summary = await importFiles(graph, "ftm", [file]);
    console.error(`imported ${summary.entities} entities, ${summary.relationships} relationships in ${summary.seconds} s`);
  }
  await awaitIndexes(graph, 600);
  const outDir = join(projectRoot, "bench", "results", "plans", values.label ? `${size}-${values.label}` : size);
  mkdirSync(outDir, { recursive: true });
  const variants = values.variants ? readdirSync(values.variants).filter((f) => f.endsWith(".cypher")) : [];
  const setup = values.uri ? `Neo4j at ${values.uri}` : `${home}, heap ${memory.heap}, page cache ${memory.pageCache}`;
  const report: string[] = [`# ${setup}; load average ${loadavg()[0].toFixed(1)} at the start`];
  for (const scenario of await scaleScenarios(sidecar, graph)) {
    if (only && !only.some((t) => scenario.name.includes(t))) continue;
    const steps: Statement[] = [scenario.cypher, ...(scenario.also ?? [])];
    for (const step of steps) {
      const params = integerParams(step.params);
      const current = cypher(step.name, step.bounds);
      const slug = `${scenario.name}--${step.name.replace("read/", "")}`.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
      const variant = variants.find((v) => v === `${step.name.replace("read/", "")}.cypher`);
      const text = variant && values.variants ? bound(readFileSync(join(values.variants, variant), "utf8"), step.bounds) : undefined;
      const p = await profile(current, params);
      const [times, variantTimes] = await time(text ? [current, text] : [current], params);
      const s = stats(times);
      const lines = [`// ${scenario.name}: ${step.name}, ${size}`, `// params ${JSON.stringify(step.params)}`];
      lines.push(
        `// p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms over ${s.n} runs; ${p.dbHits} db hits; ${p.rows} rows`,
        current,
        p.plan,
      );
      let summary = `${scenario.name} [${step.name}]: p50 ${s.p50.toFixed(2)} ms, ${p.dbHits} db hits`;
      if (text) {
        const vp = await profile(text, params);
        const vs = stats(variantTimes);
        lines.push(
          "",
          `// PROPOSED (${variant}): p50 ${vs.p50.toFixed(2)} ms, p95 ${vs.p95.toFixed(2)} ms; ${vp.dbHits} db hits; ${vp.rows} rows`,
          text,
          vp.plan,
        );
        summary += ` -> proposed p50 ${vs.p50.toFixed(2)} ms, ${vp.dbHits} db hits (rows ${p.rows} -> ${vp.rows})`;
      }
      writeFileSync(join(outDir, `${slug}.txt`), `${lines.join("\n")}\n`);
      report.push(summary);
      console.error(summary);
    }
  }
  writeFileSync(join(outDir, "summary.txt"), `${report.join("\n")}\n`);
} finally {
  await graph.close();
  await server?.stop();
}
void neo4j;
