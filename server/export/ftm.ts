/**
 * The graph (or the neighbourhood of one entity) as FollowTheMoney JSON lines: node entities with their FtM
 * properties, one edge entity per relationship (schema and end properties from the vocabulary), Sanction
 * and Identification/Passport entities. Streamed from the database a page at a time.
 */
import type { Graph } from "../db/graph.ts";
import { EDGE_INTERNAL, NODE_INTERNAL } from "../model/properties.ts";
import { RELATIONSHIP_TYPE_NAMES, relationshipType } from "../model/vocabulary.ts";

export interface FtmOut {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target?: boolean;
}

export interface ExportOptions {
  /** Only this entity and those within `depth` hops (vocabulary relationship types). */
  around?: string;
  depth?: number;
  pageSize?: number;
}

const list = (value: unknown): string[] => {
  if (value === null || value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.map(String).filter((v) => v !== "");
};

function nodeEntity(node: Record<string, unknown>): FtmOut {
  const derived = new Set(list(node.derivedProperties));
  const properties: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(node)) {
    if (NODE_INTERNAL.has(key) || derived.has(key)) continue;
    const values = list(value);
    if (values.length) properties[key] = values;
  }
  const names = list(node.names);
  if (names.length && !derived.has("name")) properties.name = names;
  return {
    id: String(node.id),
    schema: String(node.schema),
    caption: String(node.name),
    properties,
    datasets: list(node.datasets),
    referents: list(node.referents),
    target: node.sanctioned === true,
  };
}

function edgeEntity(row: { type: string; source: string; target: string; props: Record<string, unknown> }): FtmOut | undefined {
  const def = relationshipType(row.type);
  if (!def) return undefined;
  const properties: Record<string, string[]> = { [def.ftm.source]: [row.source], [def.ftm.target]: [row.target] };
  for (const [key, value] of Object.entries(row.props)) {
    if (EDGE_INTERNAL.has(key)) continue;
    const values = key === "role" ? list(value).flatMap((v) => v.split("; ")) : list(value);
    if (values.length) properties[key] = values;
  }
  return {
    id: String(row.props.id),
    schema: def.ftm.schema,
    caption: def.ftm.schema,
    properties,
    datasets: list(row.props.datasets),
    referents: [],
  };
}

function sanctionEntity(row: { entityId: string; props: Record<string, unknown> }): FtmOut {
  const p = row.props;
  if (typeof p.ftm === "string") {
    const stored = JSON.parse(p.ftm) as Record<string, string[]>;
    const { "@datasets": datasets = [], "@referents": referents = [], ...properties } = stored;
    return { id: String(p.id), schema: "Sanction", caption: "Sanction", properties, datasets, referents };
  }
  const properties: Record<string, string[]> = { entity: [row.entityId] };
  for (const key of [
    "authority",
    "program",
    "programId",
    "listingDate",
    "startDate",
    "endDate",
    "status",
    "reason",
    "provisions",
    "sourceUrl",
  ]) {
    const values = list(p[key]);
    if (values.length) properties[key] = values;
  }
  return { id: String(p.id), schema: "Sanction", caption: "Sanction", properties, datasets: [], referents: [] };
}

function identificationEntity(props: Record<string, unknown>): FtmOut {
  const properties: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(props)) {
    if (["id", "schema", "sourceIds", "datasets"].includes(key)) continue;
    const values = list(value);
    if (values.length) properties[key] = values;
  }
  return {
    id: String(props.id),
    schema: String(props.schema),
    caption: String(props.schema),
    properties,
    datasets: list(props.datasets),
    referents: [],
  };
}

/** Yields the FtM entities of the graph or of the subgraph around `around`, nodes first. */
export async function* exportFtm(graph: Graph, options: ExportOptions = {}): AsyncGenerator<FtmOut> {
  const pageSize = options.pageSize ?? 5_000;
  let ids: string[] | null = null;
  if (options.around) {
    const depth = options.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 0 || depth > 6) throw new Error("--depth must be a whole number from 0 to 6");
    const found = await graph.read<{ ids: string[] }>(
      "export/around",
      { id: options.around, types: RELATIONSHIP_TYPE_NAMES },
      { bounds: { depth: Math.max(depth, 1) }, timeoutMs: 60_000 },
    );
    ids = found.records[0]?.get("ids") ?? [];
    if (!ids.length) throw new Error(`No entity with id "${options.around}"`);
    if (depth === 0) ids = [options.around];
  }
  const pages = async function* <T extends Record<string, unknown>>(query: string, params: Record<string, unknown>) {
    let after = "";
    for (;;) {
      const result = await graph.read<T>(query, { ...params, after, limit: pageSize }, { timeoutMs: 60_000 });
      if (!result.records.length) return;
      for (const r of result.records) yield r.toObject() as T;
      after = String(result.records.at(-1)?.get("key" as keyof T));
    }
  };
  for await (const row of pages<{ key: string; node: Record<string, unknown> }>("export/entities", { ids })) yield nodeEntity(row.node);
  for await (const row of pages<{ key: string; type: string; source: string; target: string; props: Record<string, unknown> }>(
    "export/relationships",
    { ids, types: RELATIONSHIP_TYPE_NAMES },
  )) {
    const edge = edgeEntity(row);
    if (edge) yield edge;
  }
  for await (const row of pages<{ key: string; entityId: string; props: Record<string, unknown> }>("export/sanctions", { ids }))
    yield sanctionEntity(row);
  for await (const row of pages<{ key: string; props: Record<string, unknown> }>("export/identifications", { ids }))
    yield identificationEntity(row.props);
}
