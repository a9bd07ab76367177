import { markdownTable } from "../api-vs-driver.ts";
import { ms } from "../measure.ts";
import type { ClientResult } from "./client.ts";
import type { SizeResult } from "./run.ts";

interface Doc {
  date: string;
  machine: { cpus: string; memoryGiB: number; kernel: string; node: string };
  versions: { neo4j: string; neo4jDriver: string; graphqlYoga?: string; neo4jGraphql?: string; node: string };
  seed: number;
  results: SizeResult[];
  client?: ClientResult;
}

/** Issue 14's client targets at 5,000 entities: laid out in 3 s, 30 FPS while dragging. */
export function clientTargets(c: ClientResult): { target: string; value: string; met: boolean }[] {
  return c.results
    .filter((r) => r.nodes >= 5_000)
    .flatMap((r) => [
      {
        target: `${r.nodes} nodes / ${r.edges} edges (${r.layout}, ${r.renderer}) laid out <= 3 s`,
        value: `${ms(r.totalMs / 1000)} s`,
        met: r.totalMs <= 3_000,
      },
      {
        target: `${r.nodes} nodes (${r.layout}, ${r.renderer}) >= 30 FPS while dragging a node (fitted; at zoom 1)`,
        value: `${r.dragFps}; ${r.zoomedDragFps} FPS`,
        met: Math.min(r.dragFps, r.zoomedDragFps) >= 30,
      },
    ]);
}

/** The issues' targets (2 cores, 1M entities), checked against one size's results. */
export function targets(r: SizeResult): { target: string; value: string; met: boolean }[] {
  const p50 = (prefix: string) => r.latency.filter((row) => row.query.startsWith(prefix)).map((row) => row.graphql.p50);
  const worst = (values: number[]) => (values.length ? Math.max(...values) : Number.NaN);
  const search = worst(p50("search"));
  const normal = worst(p50("neighbourhood (normal"));
  const hub = worst([...p50("neighbourhood (super-node"), ...p50("super-node relationships page")]);
  const shortest = worst(p50("shortestPaths"));
  // Below 5 ms the fixed cost of an HTTP request dominates the ratio; issue 14 sets the bound above it.
  const ratio = worst(r.latency.filter((row) => row.driver.p50 > 5).map((row) => row.ratio));
  const peerRatio = worst(r.latency.flatMap((row) => (row.peerRatio === undefined ? [] : [row.peerRatio])));
  const exposure = worst(p50("exposure (normal"));
  const ownership = worst(p50("ownership"));
  const match = worst(p50("match"));
  const errors = r.concurrent.errors + r.concurrent.timeouts + r.concurrent.non2xx + r.concurrent.graphqlErrors;
  return [
    { target: "search p50 <= 20 ms", value: `${ms(search)} ms`, met: search <= 20 },
    { target: "neighbourhood p50 <= 20 ms (normal node)", value: `${ms(normal)} ms`, met: normal <= 20 },
    { target: "super-node, paged, p50 <= 100 ms", value: `${ms(hub)} ms`, met: hub <= 100 },
    { target: "shortestPaths up to 6 hops p50 <= 100 ms", value: `${ms(shortest)} ms`, met: shortest <= 100 },
    { target: "ours <= 1.2 x the bare driver's p50 (every query above 5 ms)", value: ratio.toFixed(2), met: ratio <= 1.2 },
    { target: "ours <= the peer's p50 (every operation it has)", value: `worst ratio ${peerRatio.toFixed(2)}`, met: peerRatio <= 1 },
    { target: "exposure (3 hops) p50 <= 100 ms", value: `${ms(exposure)} ms`, met: exposure <= 100 },
    { target: "ownership p50 <= 50 ms", value: `${ms(ownership)} ms`, met: ownership <= 50 },
    { target: "match p50 <= 50 ms", value: `${ms(match)} ms`, met: match <= 50 },
    {
      target: "import >= 20,000 entities+relationships/s",
      value: `${r.import.perSecond.toLocaleString("en")}/s`,
      met: r.import.perSecond >= 20_000,
    },
    ...(r.bulk
      ? [
          {
            target: "bulk load (neo4j-admin) loaded and queryable <= 60 s",
            value: `${r.bulk.queryableSeconds} s (${r.bulk.queryableItemsPerSecond.toLocaleString("en")}/s; ${r.bulk.seconds} s with the final stop)`,
            met: r.bulk.queryableSeconds <= 60,
          },
        ]
      : []),
    { target: "zero errors under the concurrent run", value: String(errors), met: errors === 0 },
  ];
}

export function scaleMarkdown(doc: Doc): string {
  const out: string[] = [];
  out.push(`# Scale benchmark (${doc.date})`, "");
  out.push(
    `Machine: ${doc.machine.cpus}, ${doc.machine.memoryGiB} GiB RAM, Linux ${doc.machine.kernel}. ` +
      `Neo4j Community ${doc.versions.neo4j}, neo4j-driver ${doc.versions.neo4jDriver}, Node ${doc.versions.node}` +
      (doc.versions.neo4jGraphql
        ? `, peer @neo4j/graphql ${doc.versions.neo4jGraphql} on graphql-yoga ${doc.versions.graphqlYoga}. `
        : ". ") +
      `Generator seed ${doc.seed}. Produced by \`npm run bench -- --sizes ${doc.results.map((r) => r.size).join(",")}\`; raw numbers in the JSON file beside this one.`,
    "",
  );
  out.push("## Summary", "");
  out.push(
    "| size | entities | relationships | sanctions | import items/s | import s | importer peak MiB | Neo4j RSS MiB | API RSS MiB | concurrent req/s | concurrent p99 ms | errors |",
  );
  out.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of doc.results) {
    const c = r.concurrent;
    out.push(
      `| ${r.size} | ${r.import.entities.toLocaleString("en")} | ${r.import.relationships.toLocaleString("en")} | ${r.import.sanctions.toLocaleString("en")} | ${r.import.perSecond.toLocaleString("en")} | ${r.import.seconds} | ${r.import.importerPeakMiB} | ${r.memory.neo4jRssMiB} (peak ${r.memory.neo4jPeakMiB}) | ${r.memory.apiRssMiB} (peak ${r.memory.apiPeakMiB}) | ${c.throughput} | ${c.latency.p99} | ${c.errors + c.timeouts + c.non2xx + c.graphqlErrors} |`,
    );
  }
  out.push("");
  for (const r of doc.results) {
    out.push(`## ${r.size} (${r.entities.toLocaleString("en")} entities)`, "");
    out.push(
      `Neo4j heap ${r.neo4j.heap}, page cache ${r.neo4j.pageCache}. Degrees: median ${r.generated.degree.p50}, p99 ${r.generated.degree.p99}, ` +
        `max ${r.generated.degree.max} (super-nodes: ${r.generated.superNodes.map((s) => `${s.name} ${s.degree}`).join("; ")}).`,
      "",
    );
    out.push(
      `Import (FtM importer, \`npm run import -- ftm\`): ${r.import.entities.toLocaleString("en")} entities, ${r.import.relationships.toLocaleString("en")} relationships, ` +
        `${r.import.sanctions.toLocaleString("en")} sanctions in ${r.import.seconds} s (${r.import.perSecond.toLocaleString("en")} items/s; ` +
        `${r.import.entitiesPerSecond.toLocaleString("en")} entities/s, ${r.import.relationshipsPerSecond.toLocaleString("en")} relationships/s); ` +
        `importer peak RSS ${r.import.importerPeakMiB} MiB, Neo4j peak RSS during import ${r.import.neo4jPeakMiB} MiB.`,
      "",
    );
    if (r.bulk)
      out.push(
        `Bulk load (\`npm run import -- bulk\`, neo4j-admin, the same file into a database of its own): **queryable after ${r.bulk.queryableSeconds} s** ` +
          `(${r.bulk.queryableItemsPerSecond.toLocaleString("en")} items/s), ${r.bulk.seconds} s end to end with the final stop of Neo4j ` +
          `(${r.bulk.itemsPerSecond.toLocaleString("en")} items/s; steps: ${Object.entries(r.bulk.steps)
            .map(([step, s]) => `${step} ${s} s`)
            .join(", ")}; CPU seconds: ${Object.entries(r.bulk.cpu ?? {})
            .map(([step, s]) => `${step} ${s ?? "?"}`)
            .join(", ")}); importer peak RSS ${r.bulk.importerPeakMiB} MiB.`,
        "",
      );
    out.push(
      "Ours: this API; peer: @neo4j/graphql over the same Neo4j (bench/peer, docs/scale.md); driver: our Cypher on the bare driver. Each a process of its own (the two APIs with NODE_ENV=production), over HTTP, one after the other.",
      "",
      markdownTable(r.latency),
      "",
    );
    const c = r.concurrent;
    out.push(
      `Concurrent (autocannon, ${c.connections} connections, ${c.seconds} s, loopback; mix: ${c.mix.join(", ")}): ` +
        `${c.requests.toLocaleString("en")} requests, ${c.throughput} req/s, latency p50 ${c.latency.p50} ms, p90 ${c.latency.p90} ms, p99 ${c.latency.p99} ms, max ${c.latency.max} ms; ` +
        `errors ${c.errors}, timeouts ${c.timeouts}, non-2xx ${c.non2xx}, GraphQL errors ${c.graphqlErrors}.`,
      "",
    );
    out.push("| target (issues 5, 11, 12, 14; meant for 1M) | measured | met |", "|---|---:|:---:|");
    for (const t of targets(r)) out.push(`| ${t.target} | ${t.value} | ${t.met ? "yes" : "**no**"} |`);
    out.push("");
  }
  if (doc.client) {
    out.push(`## Client (headless Chromium, ${doc.client.viewport.width} x ${doc.client.viewport.height}, software rendering)`, "");
    out.push(
      "| nodes | edges | layout | renderer | draw + layout (ms) | FPS, panBy | FPS, mouse pan | FPS, dragging a node (fitted; the node, its degree) | (zoom 1) |",
      "|---:|---:|---|---|---:|---:|---:|---:|---:|",
    );
    for (const r of doc.client.results)
      out.push(
        `| ${r.nodes} | ${r.edges} | ${r.layout} | ${r.renderer} | ${r.totalMs} | ${r.panFps} | ${r.mousePanFps} | ${r.dragFps}${r.dragNode ? ` (${r.dragNode}, ${r.dragDegree})` : ""} | ${r.zoomedDragFps} |`,
      );
    out.push("", "| target (issue 14) | measured | met |", "|---|---:|:---:|");
    for (const t of clientTargets(doc.client)) out.push(`| ${t.target} | ${t.value} | ${t.met ? "yes" : "**no**"} |`);
    out.push("");
  }
  return `${out.join("\n")}\n`;
}
