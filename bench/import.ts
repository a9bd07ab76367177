/**
 * Import benchmark: the full 2024 OFAC SDN CSV set (sdn.csv + alt/add/comments) and the UN consolidated list into
 * a fresh Neo4j (started here, from a temporary directory), then the SAME_AS step. Prints entities/s, links/s and
 * the importer's peak RSS. Run: `npx tsx bench/import.ts` (BENCH_NEO4J_URI uses an existing, empty database instead).
 */
import { join } from "node:path";
import { Graph } from "../server/db/graph.ts";
import { importFiles, linkSameParties } from "../server/import/index.ts";
import { startNeo4j } from "../server/neo4j/launcher.ts";
import { projectRoot } from "../server/paths.ts";

const real = (...p: string[]) => join(projectRoot, "..", "shared", "data", "real", ...p);
const ofac = ["sdn_2024-05-03.csv", "alt_2025-12.csv", "add_2025-12.csv", "sdn_comments_2025-12.csv"].map((f) => real("ofac", f));
const un = [real("un", "UN_consolidated_2026-02-27.xml")];

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);

const server = process.env.BENCH_NEO4J_URI ? undefined : await startNeo4j({ log: () => {}, heap: "1g" });
const graph = new Graph({
  uri: process.env.BENCH_NEO4J_URI ?? (server?.uri as string),
  user: "neo4j",
  password: "unused",
  database: "neo4j",
});
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
try {
  const rssBefore = process.memoryUsage().rss;
  for (const [name, format, files] of [
    ["OFAC SDN 2024 (CSV set)", "ofac-csv", ofac],
    ["UN consolidated 2026-02", "un-xml", un],
  ] as const) {
    peak = 0;
    const s = await importFiles(graph, format, [...files]);
    console.log(
      `${name}: ${s.entities} entities, ${s.relationships} links, ${s.sanctions} sanctions, ${s.sources} sources in ${s.seconds} s` +
        ` -> ${Math.round(s.entities / s.seconds)} entities/s, ${Math.round((s.entities + s.relationships + s.sanctions + s.sources) / s.seconds)} records/s;` +
        ` links phase ${s.phaseSeconds[2] ?? 0} s -> ${s.phaseSeconds[2] ? Math.round((s.relationships + s.unresolved + s.ambiguous) / s.phaseSeconds[2]) : "-"} links/s` +
        ` (check pass ${s.phaseSeconds[0]} s, records ${s.phaseSeconds[1]} s); peak RSS ${mb(Math.max(peak, process.memoryUsage().rss))}`,
    );
  }
  const t = performance.now();
  const linked = await linkSameParties(graph);
  const seconds = (performance.now() - t) / 1000;
  console.log(`SAME_AS step: ${linked.candidates} entities compared, ${linked.links} links in ${seconds.toFixed(2)} s`);
  console.log(`RSS at start ${mb(rssBefore)}, peak ${mb(peak)} (Node ${process.version}, ${(await import("node:os")).cpus().length} CPUs)`);
} finally {
  clearInterval(sampler);
  await graph.close();
  await server?.stop();
}
