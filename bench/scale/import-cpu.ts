/**
 * Where the online importer's CPU goes, per write kind: a generated FtM file read by the real FtM importer and written
 * through the real GraphWriter (as server/import/pipeline.ts calls it, one batch at a time so each write is measured
 * alone) into a fresh Neo4j, with the Neo4j server's CPU seconds (server/import/bulk/cpu.ts) and this process's:
 *
 *   npx tsx bench/scale/import-cpu.ts [--size 100k] [--batch 2000]
 *
 * CPU seconds are what a busy machine inflates least; their sum over both processes, divided by the cores, is the
 * floor an import's wall clock cannot go under (docs/scale.md, "The online importer").
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Graph } from "../../server/db/graph.ts";
import { applySchema } from "../../server/db/schema.ts";
import { GraphWriter, type SanctionWrite } from "../../server/db/writer.ts";
import { ownCpu, processCpu } from "../../server/import/bulk/cpu.ts";
import { FtmImporter } from "../../server/import/formats/ftm.ts";
import type { ImportItem } from "../../server/import/types.ts";
import { startNeo4j } from "../../server/neo4j/launcher.ts";
import { defaultDataDir } from "./run.ts";

const { values } = parseArgs({ options: { size: { type: "string", default: "100k" }, batch: { type: "string", default: "2000" } } });
const file = join(defaultDataDir, `synthetic-${values.size}-seed53.ftm.json`);
if (!existsSync(file)) throw new Error(`Generate ${file} first (npm run generate -- --entities ${values.size} --out ${file})`);
const batchSize = Number(values.batch);

const server = await startNeo4j({ heap: "1g", pageCache: "1g", log: (l) => console.error(l) });
const graph = new Graph({ uri: server.uri, user: "neo4j", password: "", database: "neo4j" });
try {
  await applySchema(graph);
  const writer = new GraphWriter(graph);
  const importer = new FtmImporter([file]);
  const kinds: Record<string, { rows: number; neo4j: number; importer: number; wall: number }> = {};
  const measure = async (kind: string, rows: number, work: () => Promise<unknown>) => {
    if (!rows) return;
    const [db, own, wall] = [processCpu(server.pid) ?? 0, ownCpu(), performance.now()];
    await work();
    kinds[kind] ??= { rows: 0, neo4j: 0, importer: 0, wall: 0 };
    const k = kinds[kind];
    k.rows += rows;
    k.neo4j += (processCpu(server.pid) ?? 0) - db;
    k.importer += ownCpu() - own;
    k.wall += (performance.now() - wall) / 1000;
  };
  let reading = 0;
  const read = async (work: () => Promise<unknown>) => {
    const own = ownCpu();
    await work();
    reading += ownCpu() - own;
  };
  await read(() => importer.check());
  const write = async (batch: ImportItem[]) => {
    const sources = batch.flatMap((i) => (i.kind === "source" ? [i.record] : []));
    const entities = batch.flatMap((i) => (i.kind === "entity" ? [i.record] : []));
    const sanctions: SanctionWrite[] = batch.flatMap((i) => (i.kind === "sanction" ? [{ record: i.record, ftm: i.ftm }] : []));
    const relationships = batch.flatMap((i) => (i.kind === "relationship" ? [i.record] : []));
    await measure("sources", sources.length, () => writer.sources(sources));
    await measure("entities (with their match keys)", entities.length, () => writer.entities(entities));
    await measure("sanctions", sanctions.length, () => writer.sanctions(sanctions));
    await measure("relationships", relationships.length, () => writer.relationships(relationships));
  };
  for (const phase of importer.phases()) {
    const items = phase.items()[Symbol.asyncIterator]();
    let done = false;
    while (!done) {
      const batch: ImportItem[] = [];
      await read(async () => {
        while (batch.length < batchSize) {
          const next = await items.next();
          if (next.done) {
            done = true;
            return;
          }
          batch.push(next.value);
        }
      });
      await write(batch);
    }
  }
  const s = (x: number) => `${x.toFixed(1)} s`;
  console.log(`${values.size}: reading and mapping (check pass and both phases), importer CPU ${s(reading)}`);
  for (const [kind, k] of Object.entries(kinds))
    console.log(
      `${kind}: ${k.rows} rows, Neo4j CPU ${s(k.neo4j)} (${Math.round((k.neo4j / k.rows) * 1e6)} µs/row), importer CPU ${s(k.importer)}, wall ${s(k.wall)}`,
    );
  const cpu = reading + Object.values(kinds).reduce((sum, k) => sum + k.neo4j + k.importer, 0);
  const items = Object.values(kinds).reduce((sum, k) => sum + k.rows, 0) - (kinds.sources?.rows ?? 0);
  console.log(`total ${s(cpu)} CPU for ${items} items: at most ${Math.round(items / (cpu / 2))} items/s on 2 cores at this machine's load`);
} finally {
  await graph.close();
  await server.stop();
}
