import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Graph } from "../../server/db/graph.ts";
import { projectRoot } from "../../server/paths.ts";

/** A file of the shared real data (../shared/data/real/ next to the repository). */
export function realData(...parts: string[]): string {
  const file = join(projectRoot, "..", "shared", "data", "real", ...parts);
  // Fail loudly, not by skipping: these tests are about the real lists.
  if (!existsSync(file)) throw new Error(`Real data missing: ${file} (the tests expect shared/ beside the repository).`);
  return file;
}
export const fixture = (...parts: string[]) => join(projectRoot, "tests", "fixtures", ...parts);

/** Writes a file into a fresh temporary directory and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), "import-test-")), name);
  writeFileSync(path, content);
  return path;
}

/** Everything a re-import could change: node and relationship counts, property counts, total list lengths. */
export async function fingerprint(graph: Graph) {
  const session = graph.driver.session({ database: graph.database });
  try {
    const result = await session.run(`
      CALL () { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProps,
        sum(reduce(t = 0, k IN keys(n) | t + CASE WHEN valueType(n[k]) STARTS WITH 'LIST' THEN size(n[k]) ELSE 1 END)) AS nodeValues }
      CALL () { MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS relProps,
        sum(reduce(t = 0, k IN keys(r) | t + CASE WHEN valueType(r[k]) STARTS WITH 'LIST' THEN size(r[k]) ELSE 1 END)) AS relValues }
      RETURN nodes, nodeProps, nodeValues, rels, relProps, relValues`);
    const r = result.records[0].toObject();
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v ?? 0)]));
  } finally {
    await session.close();
  }
}

export async function query<T = Record<string, unknown>>(graph: Graph, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await graph.driver.executeQuery(cypher, params, { database: graph.database });
  return result.records.map((r) => r.toObject() as T);
}

/** A value with its map keys sorted (list order kept), so that equal contents print equally. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

/**
 * Every node (labels, properties) and relationship (type, ends, properties) as one sorted line each: two graphs
 * with equal contents give equal lists, list properties in the same order. For small graphs (it reads them whole).
 */
export async function contents(graph: Graph): Promise<string[]> {
  const nodes = await query<{ labels: string[]; props: unknown }>(graph, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props");
  const rels = await query<{ type: string; from: unknown[]; to: unknown[]; props: unknown }>(
    graph,
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, [labels(a), a.id] AS from, [labels(b), b.id] AS to, properties(r) AS props",
  );
  // Label order follows token ids, which differ between databases: sorted.
  const end = ([labels, id]: unknown[]) => [(labels as string[]).toSorted(), id];
  return [
    ...nodes.map((n) => ["node", n.labels.toSorted(), canonical(n.props)]),
    ...rels.map((r) => ["relationship", r.type, end(r.from), end(r.to), canonical(r.props)]),
  ]
    .map((line) => JSON.stringify(line))
    .sort();
}
