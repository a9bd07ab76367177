/**
 * The graph (or the neighbourhood of one entity) as FollowTheMoney JSON lines: node entities, one edge entity per
 * relationship (schema and end properties from the vocabulary), Sanction and Identification/Passport entities,
 * and the FtM entities kept whole (Risk, Mention, ...). Streamed from the database a page at a time.
 *
 * Only properties the FtM model gives the schema are written (server/model/); the graph's own bookkeeping is not.
 * Provenance goes out the FtM way: `datasets`, `referents`, `first_seen`/`last_seen`/`last_change`, `target`, and
 * the publisher, URL and record id of each source the graph holds (FtM's `publisher`, `sourceUrl`, `recordId`).
 */
import type { Graph } from "../db/graph.ts";
import {
  type ExportSourceRow,
  entitiesAround,
  exportEntities,
  exportIdentifications,
  exportOthers,
  exportRelationships,
  exportSanctions,
  type PageParams,
} from "../db/queries/export.ts";
import { listHistory } from "../db/queries/history.ts";
import type { Query } from "../db/queries/query.ts";
import { propertyType } from "../model/ftm.ts";
import { EDGE_INTERNAL } from "../model/properties.ts";
import { relationshipType } from "../model/vocabulary.ts";

export interface FtmOut {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target?: boolean;
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
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

/** Keeps the FtM properties of `schema` (a stored key the model does not know for it is the graph's own). */
function ftmOnly(schema: string, entries: [string, unknown][], skip: ReadonlySet<string> = new Set()): Record<string, string[]> {
  const properties: Record<string, string[]> = {};
  for (const [key, value] of entries) {
    if (skip.has(key) || !propertyType(schema, key)) continue;
    const values = list(value);
    if (values.length) properties[key] = values;
  }
  return properties;
}

/** Adds the sources' publishers, URLs and (where the schema has it) record ids to the FtM properties. */
function withProvenance(schema: string, properties: Record<string, string[]>, sources: ExportSourceRow[]): Record<string, string[]> {
  const add = (prop: string, values: (string | undefined)[]) => {
    if (!propertyType(schema, prop)) return;
    const merged = [...new Set([...(properties[prop] ?? []), ...values.filter((v): v is string => !!v)])];
    if (merged.length) properties[prop] = merged;
  };
  add(
    "publisher",
    sources.map((s) => s.publisher),
  );
  add(
    "sourceUrl",
    sources.map((s) => s.url),
  );
  add(
    "recordId",
    sources.map((s) => s.recordId),
  );
  return properties;
}

type SeenDates = Pick<FtmOut, "first_seen" | "last_seen" | "last_change">;

const seenDates = (value: Record<string, unknown>): SeenDates =>
  Object.fromEntries(
    (["first_seen", "last_seen", "last_change"] as const).filter((k) => typeof value[k] === "string").map((k) => [k, value[k] as string]),
  );

/** The applied snapshots' dates per dataset, oldest first (server/history/). */
export type SnapshotDates = ReadonlyMap<string, string[]>;

const earliest = (...dates: (string | undefined)[]) => dates.filter((d): d is string => !!d).sort()[0];
const latest = (...dates: (string | undefined)[]) =>
  dates
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
const dayTime = (day: string | undefined) => (day ? `${day}T00:00:00` : undefined);

/**
 * FtM's `first_seen`, `last_seen` and `last_change` of an entity with list history, from its listing periods
 * (`dataset|from|to`, `to` empty while listed) and the snapshots applied: first seen in the snapshot that opened its
 * first period, last seen in the last snapshot that still listed it (the newest while it is listed), last changed when
 * its record was last added or amended (a delisting ends what is seen; it changes no data). Dates an FtM source gave
 * are kept beside them: the earliest first_seen, the latest last_seen and last_change.
 */
export function listingSeen(node: Record<string, unknown>, snapshots: SnapshotDates, lastListChange: string | null): SeenDates {
  const given = seenDates(node);
  const periods = list(node.listings).map((l) => l.split("|"));
  if (!periods.length) return given;
  const lastSeen = periods.map(([dataset, , to]) => {
    const dates = snapshots.get(dataset) ?? [];
    return to ? dates.filter((d) => d < to).at(-1) : dates.at(-1);
  });
  const out: SeenDates = {
    first_seen: earliest(given.first_seen, dayTime(earliest(...periods.map(([, from]) => from)))),
    last_seen: latest(given.last_seen, dayTime(latest(...lastSeen))),
    last_change: latest(given.last_change, dayTime(lastListChange ?? undefined)),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v));
}

function nodeEntity(node: Record<string, unknown>, sources: ExportSourceRow[], seen: SeenDates): FtmOut {
  const schema = String(node.schema);
  const derived = new Set(list(node.derivedProperties));
  const properties = ftmOnly(schema, Object.entries(node), derived);
  const names = list(node.names);
  if (names.length && !derived.has("name")) properties.name = names;
  return {
    id: String(node.id),
    schema,
    caption: String(node.name),
    properties: withProvenance(schema, properties, sources),
    datasets: list(node.datasets),
    referents: list(node.referents),
    target: node.sanctioned === true,
    ...seen,
  };
}

function edgeEntity(row: {
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
  sources: ExportSourceRow[];
}): FtmOut | undefined {
  const def = relationshipType(row.type);
  if (!def) return undefined;
  const schema = def.ftm.schema;
  const entries = Object.entries(row.props).map(([key, value]): [string, unknown] => [
    key,
    key === "role" ? list(value).flatMap((v) => v.split("; ")) : value,
  ]);
  const properties = { ...ftmOnly(schema, entries, EDGE_INTERNAL), [def.ftm.source]: [row.source], [def.ftm.target]: [row.target] };
  return {
    id: String(row.props.id),
    schema,
    caption: def.label,
    properties: withProvenance(schema, properties, row.sources),
    datasets: list(row.props.datasets),
    referents: list(row.props.referents),
    ...seenDates(row.props),
  };
}

/** An entity the import kept whole (a Sanction from an FtM file, a Risk, ...), as it was read. */
function keptEntity(json: string): FtmOut {
  const e = JSON.parse(json) as FtmOut;
  return { ...e, datasets: e.datasets ?? [], referents: e.referents ?? [] };
}

function sanctionEntity(row: { entityId: string; props: Record<string, unknown>; sources: ExportSourceRow[] }): FtmOut {
  const p = row.props;
  if (typeof p.ftm === "string") return keptEntity(p.ftm);
  const properties = { ...ftmOnly("Sanction", Object.entries(p), new Set(["id", "ftm"])), entity: [row.entityId] };
  return {
    id: String(p.id),
    schema: "Sanction",
    caption: list(p.program)[0] ?? list(p.authority)[0] ?? "Sanction",
    properties: withProvenance("Sanction", properties, row.sources),
    datasets: [],
    referents: [],
  };
}

function identificationEntity(props: Record<string, unknown>): FtmOut {
  const schema = String(props.schema);
  return {
    id: String(props.id),
    schema,
    caption: list(props.number ?? props.passportNumber)[0] ?? schema,
    properties: ftmOnly(schema, Object.entries(props)),
    datasets: list(props.datasets),
    referents: list(props.referents),
    ...seenDates(props),
  };
}

/** Yields the FtM entities of the graph or of the subgraph around `around`, nodes first. */
export async function* exportFtm(graph: Graph, options: ExportOptions = {}): AsyncGenerator<FtmOut> {
  const pageSize = options.pageSize ?? 5_000;
  let ids: string[] | null = null;
  if (options.around) {
    const depth = options.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 0 || depth > 6) throw new Error("--depth must be a whole number from 0 to 6");
    const [found] = await entitiesAround(graph, { id: options.around, depth: Math.max(depth, 1) });
    ids = found?.ids ?? [];
    if (!ids.length) throw new Error(`No entity with id "${options.around}"`);
    if (depth === 0) ids = [options.around];
  }
  /** Every row of a paged export query, page after page in key order. */
  async function* pages<R extends { key: string }>(query: Query<PageParams, R>): AsyncGenerator<R> {
    for (let after = ""; ; ) {
      const rows = await query(graph, { ids, after, limit: pageSize });
      if (!rows.length) return;
      yield* rows;
      after = rows[rows.length - 1].key;
    }
  }
  const snapshots = new Map<string, string[]>();
  for (const { snapshot } of await listHistory(graph, { dataset: null })) {
    snapshots.set(snapshot.dataset, [...(snapshots.get(snapshot.dataset) ?? []), snapshot.date]);
  }
  for await (const row of pages(exportEntities)) {
    yield nodeEntity(row.node, row.sources, listingSeen(row.node, snapshots, row.lastListChange));
  }
  for await (const row of pages(exportRelationships)) {
    const edge = edgeEntity(row);
    if (edge) yield edge;
  }
  for await (const row of pages(exportSanctions)) yield sanctionEntity(row);
  for await (const row of pages(exportIdentifications)) yield identificationEntity(row.props);
  for await (const row of pages(exportOthers)) yield keptEntity(row.ftm);
}
