/**
 * Bulk initial load (`npm run import -- bulk <FtM files...>`): the FtM reader and mapping of the online import,
 * applied in memory (graph.ts), written as CSV (csv.ts) and loaded with Neo4j's offline importer into the local
 * Neo4j's database (NEO4J_HOME), which is then started to create the constraints and indexes (cypher/schema.cypher).
 * The result is the graph `npm run import -- ftm` writes into an empty database (tests/import/bulk.test.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Graph } from "../../db/graph.ts";
import { databaseHasData } from "../../db/queries/bulk.ts";
import { applySchema } from "../../db/schema.ts";
import { writeHome } from "../../neo4j/conf.ts";
import { startNeo4j } from "../../neo4j/launcher.ts";
import { checkReadable } from "../index.ts";
import { type Progress, silentProgress } from "../pipeline.ts";
import type { ImportSummary } from "../types.ts";
import { adminImport, boltPort, runningServer, stopServer, storeExists } from "./admin.ts";
import { endedChildrenCpu, ownCpu, processCpu, spent } from "./cpu.ts";
import { ARRAY_DELIMITER, writeGraphCsv } from "./csv.ts";
import { BulkGraph, type MissingEnd } from "./graph.ts";
import { NameKeysAhead } from "./name-keys.ts";
import { readOnce } from "./read.ts";
import { sourcesAside } from "./sources.ts";

export interface BulkOptions {
  /** The local Neo4j's home (NEO4J_HOME): its database is replaced. */
  home: string;
  /** Settings for the server started afterwards to create the schema. */
  server: { port: number; heap: string; pageCache: string };
  replace?: boolean;
  date?: string;
  progress?: Progress;
  /** What happens, one line at a time (stopping and starting Neo4j, neo4j-admin's own progress). */
  log?: (line: string) => void;
}

export interface BulkSummary extends ImportSummary {
  bulk: {
    home: string;
    /** Seconds per step: reading and mapping (the sources written meanwhile), the rest of the CSV, neo4j-admin, starting Neo4j, constraints and indexes online, stopping Neo4j. */
    steps: { read: number; csv: number; admin: number; start: number; schema: number; stop: number };
    /**
     * CPU seconds of those steps (cpu.ts): this process (both threads) for read and csv, neo4j-admin, the server
     * for start and schema. Unlike the wall clock, not inflated by other programs on the machine; unknown off Linux.
     */
    cpu: { read: number; csv: number; admin?: number; start?: number; schema?: number };
    /**
     * Seconds until the database was loaded and queryable (its indexes online): the total but for the final stop of
     * the server that created them (the scale target is "loaded and queryable", docs/scale.md).
     */
    queryableSeconds: number;
    /** Entities + relationships + sanctions per second, until queryable. */
    queryableItemsPerSecond: number;
    /** Entities + relationships + sanctions per second, end to end (with the final stop). */
    itemsPerSecond: number;
    /** The PID of the Neo4j that ran from the home and was stopped for the import. */
    stoppedPid?: number;
  };
}

interface Written {
  entityNodes: number;
  relationshipRows: number;
  relationships: number;
  missingSanctions: number;
  missing: number;
  missingExamples: MissingEnd[];
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/** The database holds data and --replace was not given: nothing was touched. */
export class BulkRefusedError extends Error {
  override name = "BulkRefusedError";
}

async function hasData(uri: string): Promise<boolean> {
  const graph = new Graph({ uri, user: "neo4j", password: "unused", database: "neo4j" });
  try {
    const [row] = await databaseHasData(graph, {});
    return row.nonEmpty;
  } finally {
    await graph.close();
  }
}

/** Whether the home's database holds anything: asked of the server running from it, or of one started for the question. */
async function homeHasData(home: string, options: BulkOptions, log: (line: string) => void): Promise<boolean> {
  if (!storeExists(home)) return false;
  const pid = runningServer(home);
  const port = boltPort(home);
  if (pid && port) return hasData(`bolt://127.0.0.1:${port}`);
  log(`A database exists in ${home}; starting Neo4j briefly to see whether it is empty...`);
  const server = await startNeo4j({ home, ...options.server, log });
  try {
    return await hasData(server.uri);
  } finally {
    await server.stop();
  }
}

export async function bulkImport(files: string[], options: BulkOptions): Promise<BulkSummary> {
  const started = performance.now();
  const cpuStarted = ownCpu();
  const log = options.log ?? (() => {});
  const progress = options.progress ?? silentProgress;
  const { home } = options;
  checkReadable(files);
  if (!options.replace && (await homeHasData(home, options, log)))
    throw new BulkRefusedError(
      `The Neo4j database in ${home} is not empty; the bulk import would replace it. Add --replace to do so, or set NEO4J_HOME to a new directory.`,
    );

  // 1. Read and map, as the online import does, in one pass (read.ts; bad input fails here, before anything is
  // touched): the sources go straight into their CSV file as they are read, the rest of the graph is held and
  // written once reading is done.
  const dir = mkdtempSync(join(tmpdir(), "bulk-import-"));
  let stoppedPid: number | undefined;
  let read = started;
  let csvDone = started;
  let written: Written | undefined;
  let adminDone = started;
  const cpu: BulkSummary["bulk"]["cpu"] = { read: 0, csv: 0 };
  const counts = { items: 0, sources: 0, entities: 0, identifications: 0, sanctions: 0, others: 0 };
  const keys = new NameKeysAhead();
  const sources = sourcesAside(dir);
  try {
    let graph: BulkGraph | undefined = new BulkGraph((id, names) => keys.add(id, names));
    log(`Writing CSV files into ${dir}...`);
    for await (const { source, item } of readOnce(files, progress, options.date)) {
      sources.add(source);
      counts.sources++;
      graph.add(item);
      if (item.kind === "entity") counts.entities++;
      else if (item.kind === "identification") counts.identifications++;
      else if (item.kind === "sanction") counts.sanctions++;
      else if (item.kind === "other") counts.others++;
    }
    progress.done();
    graph.finish(await keys.done());
    read = performance.now();
    const cpuRead = ownCpu();
    cpu.read = spent(cpuStarted, cpuRead) as number;

    // 2. The rest of the CSV, in the temporary directory removed afterwards.
    const csv = await writeGraphCsv(graph, await sources.end(), dir);
    csvDone = performance.now();
    cpu.csv = spent(cpuRead, ownCpu()) as number;
    // What the summary needs; the graph itself is let go before neo4j-admin and the server need the memory.
    written = {
      entityNodes: graph.nodes.Entity.size,
      relationshipRows: graph.relationshipRows,
      relationships: graph.relationships.length,
      missingSanctions: graph.missingSanctions,
      missing: graph.missing.length,
      missingExamples: graph.missing.slice(0, 20),
    };
    graph = undefined;

    // 3. Offline import: the server must not run on these files.
    const pid = runningServer(home);
    if (pid) {
      log(`Stopping the Neo4j running from ${home} (PID ${pid}, SIGTERM) for the offline import...`);
      await stopServer(pid);
      stoppedPid = pid;
      log(`Neo4j (PID ${pid}) stopped.`);
    }
    // The home's directories and neo4j.conf, as the launcher writes them (a first load may come before any start).
    writeHome({ home, port: options.server.port, pageCache: options.server.pageCache });
    log(
      `Running neo4j-admin database import full into ${home}${storeExists(home) ? " (its database is replaced once the import has succeeded)" : ""}...`,
    );
    const adminCpu = endedChildrenCpu();
    await adminImport({
      home,
      ...csv,
      arrayDelimiter: ARRAY_DELIMITER,
      reportFile: join(dir, "import.report"),
      log: (line) => log(`neo4j-admin: ${line}`),
    });
    adminDone = performance.now();
    cpu.admin = spent(adminCpu, endedChildrenCpu());
  } finally {
    await keys.stop();
    await sources.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  // 4. Start the server on the new database to create the constraints and indexes.
  log("Starting Neo4j to create the constraints and indexes...");
  const server = await startNeo4j({ home, ...options.server, log });
  const startedServer = performance.now();
  const serverCpu = processCpu(server.pid);
  cpu.start = spent(0, serverCpu);
  let queryable = startedServer;
  try {
    const db = new Graph({ uri: server.uri, user: "neo4j", password: "unused", database: "neo4j" });
    try {
      await applySchema(db, { waitSeconds: 3_600 });
      queryable = performance.now();
      cpu.schema = spent(serverCpu, processCpu(server.pid));
    } finally {
      await db.close();
    }
  } finally {
    log(`Stopping Neo4j (PID ${server.pid}).`);
    await server.stop();
  }
  const done = performance.now();

  const facts = written as Written;
  const sanctions = counts.sanctions - facts.missingSanctions;
  const total = seconds(done - started);
  const items = counts.entities + facts.relationshipRows + sanctions;
  const entityNodes = facts.entityNodes;
  return {
    format: "ftm",
    files,
    entities: counts.entities,
    relationships: facts.relationshipRows,
    sanctions,
    sources: counts.sources,
    identifications: counts.identifications,
    others: counts.others,
    unresolved: 0,
    ambiguous: 0,
    missingEnds: facts.missing,
    missingExamples: facts.missingExamples,
    created: { entities: entityNodes, relationships: facts.relationships },
    updated: {
      entities: Math.max(0, counts.entities - entityNodes),
      relationships: Math.max(0, facts.relationshipRows - facts.relationships),
    },
    notes: {},
    seconds: total,
    phaseSeconds: [],
    bulk: {
      home,
      steps: {
        read: seconds(read - started),
        csv: seconds(csvDone - read),
        admin: seconds(adminDone - csvDone),
        start: seconds(startedServer - adminDone),
        schema: seconds(queryable - startedServer),
        stop: seconds(done - queryable),
      },
      itemsPerSecond: Math.round(items / total),
      cpu,
      queryableSeconds: seconds(queryable - started),
      queryableItemsPerSecond: Math.round(items / seconds(queryable - started)),
      stoppedPid,
    },
  };
}
