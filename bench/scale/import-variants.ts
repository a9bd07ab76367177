/**
 * Times the entity upsert of the importer (cypher/write/entities.cypher) against a variant on a fresh Neo4j:
 *
 *   npx tsx bench/scale/import-variants.ts [--size 100k] [--batch 2000]
 *
 * The rows are the generated network's node entities, built with the importer's own entityRow(). The
 * variant writes a new node's lists in one map write (ON CREATE SET e += row.lists) and keeps the
 * per-key union for nodes that already existed. This is a measurement for the importer's owner, not a change.
 */
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { cypher } from "../../server/db/cypher.ts";
import { Graph } from "../../server/db/graph.ts";
import { applySchema, emptyDatabase } from "../../server/db/schema.ts";
import { entityRow } from "../../server/db/writer.ts";
import { isSchema } from "../../server/model/vocabulary.ts";
import { startNeo4j } from "../../server/neo4j/launcher.ts";
import { defaultDataDir } from "./run.ts";

const VARIANT = `// Variant: a new node's lists in one map write; the union only for nodes that existed before.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e += row.lists, e.schema = row.schema, e.name = row.name, e.sanctioned = false, e.importFresh = true
SET e:$(row.schema)
WITH e, row
CALL (e, row) {
  WITH e, row WHERE e.importFresh IS NULL
  SET e.sanctioned = coalesce(e.sanctioned, false)
  FOREACH (key IN keys(row.lists) |
    SET e[key] = coalesce(e[key], []) + [v IN row.lists[key] WHERE NOT v IN coalesce(e[key], [])]
  )
  SET e.aliases = [a IN e.aliases WHERE a <> e.name]
}
REMOVE e.importFresh`;

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "100k" },
    batch: { type: "string", default: "2000" },
    // Recreate the full-text index with fulltext.eventually_consistent (index updates applied after commit).
    "eventually-consistent": { type: "boolean" },
  },
});
const file = join(defaultDataDir, `synthetic-${values.size}-seed53.ftm.json`);
if (!existsSync(file)) throw new Error(`Generate ${file} first (npm run generate -- --entities ${values.size} --out ${file})`);
const batchSize = Number(values.batch);

const rows: ReturnType<typeof entityRow>[] = [];
for await (const line of createInterface({ input: createReadStream(file, "utf8") })) {
  const e = JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]>; datasets: string[] };
  if (isSchema(e.schema))
    rows.push(entityRow({ id: e.id, schema: e.schema, properties: e.properties, sourceIds: ["bench"], datasets: e.datasets }));
}

const server = await startNeo4j({ heap: "1g", pageCache: "1g", log: (l) => console.error(l) });
const graph = new Graph({ uri: server.uri, user: "neo4j", password: "", database: "neo4j" });
const run = async (label: string, text: string) => {
  await emptyDatabase(graph);
  const started = performance.now();
  for (let i = 0; i < rows.length; i += batchSize) {
    await graph.driver.executeQuery(text, { rows: rows.slice(i, i + batchSize) }, { database: graph.database });
  }
  const first = (performance.now() - started) / 1000;
  const again = performance.now();
  for (let i = 0; i < rows.length; i += batchSize) {
    await graph.driver.executeQuery(text, { rows: rows.slice(i, i + batchSize) }, { database: graph.database });
  }
  const second = (performance.now() - again) / 1000;
  const { records } = await graph.driver.executeQuery(
    "MATCH (e:Entity) RETURN count(e) AS n, sum(size(e.aliases)) AS aliases, sum(size(keys(e))) AS props",
    {},
    { database: graph.database },
  );
  const check = records[0].toObject();
  console.log(
    `${label}: ${rows.length} entities, new ${first.toFixed(1)} s (${Math.round(rows.length / first)}/s), re-run ${second.toFixed(1)} s (${Math.round(rows.length / second)}/s); graph ${JSON.stringify(check)}`,
  );
};
try {
  await applySchema(graph);
  if (values["eventually-consistent"]) {
    await graph.driver.executeQuery("DROP INDEX entity_names", {}, { database: graph.database });
    await graph.driver.executeQuery(
      "CREATE FULLTEXT INDEX entity_names FOR (e:Entity) ON EACH [e.name, e.aliases] OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}",
      {},
      { database: graph.database },
    );
  }
  await run("current write/entities.cypher", cypher("write/entities"));
  await run("variant (map write on create)", VARIANT);
  await run("current write/entities.cypher (again)", cypher("write/entities"));
} finally {
  await graph.close();
  await server.stop();
}
