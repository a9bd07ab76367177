/**
 * The graph an online import would write, built in memory for the offline importer. Each method applies one
 * item the way its online statement does on an empty database, row after row in the same order:
 *
 *   source          cypher/write/sources.cypher: not held here, written as read (csv.ts SourceCsv)
 *   entity          cypher/write/entities.cypher (after the pipeline's schema refinement) and match keys
 *   identification  cypher/import/identifications.cypher
 *   sanction        cypher/write/sanctions.cypher (with the FtM JSON)
 *   relationship    cypher/write/relationships.cypher
 *   other           cypher/import/others.cypher
 *
 * Rows go through the same row builders as the online writer (server/db/writer.ts). A change to one of those
 * statements must be mirrored here: tests/import/bulk.test.ts compares both graphs property by property.
 */
import { entityRow, identificationRow, relationshipRow, sanctionRow } from "../../db/writer.ts";
import { nameKeys } from "../../matching/keys.ts";
import { isA } from "../../model/ftm.ts";
import type {
  EntityRecord,
  IdentificationRecord,
  OtherRecord,
  RelationshipRecord,
  SanctionRecord,
  SeenDates,
} from "../../model/records.ts";
import type { ImportItem } from "../types.ts";
import type { NameKeys } from "./name-keys.ts";

/** Node id spaces of the offline import held in memory: one per node label keyed by `id` (Source: csv.ts). */
export const NODE_GROUPS = ["Entity", "Sanction", "Identification", "FtmRecord", "Referent"] as const;
export type NodeGroup = (typeof NODE_GROUPS)[number];

export type Value = string | boolean | string[];
export type Props = Map<string, Value>;

export interface BulkNode {
  id: string;
  labels: Set<string>;
  props: Props;
}

export interface BulkRelationship {
  type: string;
  from: { group: NodeGroup; id: string };
  to: { group: NodeGroup; id: string };
  props: Props;
}

export interface MissingEnd {
  id: string;
  source: string;
  target: string;
}

const list = (props: Props, key: string) => props.get(key) as string[] | undefined;

/** `SET x.key = CASE WHEN size(values) = 0 THEN x.key ELSE coalesce(x.key, []) + [v IN values WHERE NOT v IN coalesce(x.key, [])] END` */
function union(props: Props, key: string, values: string[]) {
  if (!values.length) return;
  const current = list(props, key) ?? [];
  const seen = new Set(current);
  props.set(key, current.concat(values.filter((v) => !seen.has(v))));
}

/** `SET x.key = CASE WHEN new IS NULL OR x.key <op> new THEN x.key ELSE new END` (null compares as unknown). */
function keepSeen(props: Props, seen: SeenDates) {
  const pick = (key: keyof SeenDates, keepIf: (current: string, next: string) => boolean) => {
    const next = seen[key];
    const current = props.get(key) as string | undefined;
    if (next === undefined || next === null) return;
    if (current !== undefined && keepIf(current, next)) return;
    props.set(key, next);
  };
  pick("first_seen", (current, next) => current <= next);
  pick("last_seen", (current, next) => current >= next);
  pick("last_change", (current, next) => current >= next);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `SET x += map`: keys with a null value are removed (the driver sends undefined as null), the rest overwritten. */
function assign(props: Props, values: Record<string, unknown>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) props.delete(key);
    else props.set(key, value as Value);
  }
}

export class BulkGraph {
  readonly nodes: Record<NodeGroup, Map<string, BulkNode>> = {
    Entity: new Map(),
    Sanction: new Map(),
    Identification: new Map(),
    FtmRecord: new Map(),
    Referent: new Map(),
  };
  /** Relationships between entities, in creation order. */
  readonly relationships: BulkRelationship[] = [];
  /** Relationships between two entities by type and unordered pair of ends (the online MATCH is undirected). */
  private readonly between = new Map<string, BulkRelationship[]>();
  /** MERGE (a)-[:T]->(b) links with no properties (OF, HAS_SANCTION, HAS_IDENTIFICATION, HAS_RECORD), once per pair. */
  readonly links: BulkRelationship[] = [];
  private readonly linked = new Set<string>();
  readonly missing: MissingEnd[] = [];
  /** Sanctions not written because their entity is not in the graph. */
  missingSanctions = 0;
  /** Relationships written (rows whose ends exist). */
  relationshipRows = 0;

  /** `names`: told each entity's names whenever they may have changed (to compute their keys ahead). */
  constructor(private readonly names?: (id: string, names: string[]) => void) {}

  private static names(props: Props): string[] {
    return [props.get("name") as string, ...(list(props, "aliases") ?? [])];
  }

  add(item: ImportItem): void {
    if (item.kind === "entity") this.entity(item.record);
    else if (item.kind === "identification") this.identification(item.record);
    else if (item.kind === "sanction") this.sanction(item.record, item.ftm);
    else if (item.kind === "relationship") this.relationship(item.record);
    else if (item.kind === "other") this.other(item.record);
    else throw new Error(`The offline import's graph takes no ${item.kind} items (sources: csv.ts; FtM yields no mentions)`);
  }

  /** Match keys of every entity (server/matching/keys.ts writeMatchKeys), from its final names. */
  finish(keysOf: (id: string, names: string[]) => NameKeys = (_, names) => nameKeys(names)): void {
    for (const node of this.nodes.Entity.values()) {
      const names = BulkGraph.names(node.props);
      const keys = keysOf(node.id, names);
      // cypher/write/match-keys.cypher: an empty list of keys is no property.
      assign(node.props, {
        matchTokens: keys.matchTokens.length ? keys.matchTokens : undefined,
        matchPhonetic: keys.matchPhonetic.length ? keys.matchPhonetic : undefined,
        matchSkeletons: keys.matchSkeletons.length ? keys.matchSkeletons : undefined,
        matchKeyedNames: names,
      });
    }
  }

  private node(group: NodeGroup, id: string): { node: BulkNode; created: boolean } {
    const existing = this.nodes[group].get(id);
    if (existing) return { node: existing, created: false };
    const node: BulkNode = { id, labels: new Set([group]), props: new Map([["id", id]]) };
    this.nodes[group].set(id, node);
    return { node, created: true };
  }

  private link(type: string, from: BulkRelationship["from"], to: BulkRelationship["to"]) {
    const key = `${type}\u0000${from.group}\u0000${from.id}\u0000${to.group}\u0000${to.id}`;
    if (this.linked.has(key)) return;
    this.linked.add(key);
    this.links.push({ type, from, to, props: new Map() });
  }

  private entity(input: EntityRecord) {
    // The pipeline keeps a more specific schema already in the graph (server/import/pipeline.ts refineSchemata).
    const current = this.nodes.Entity.get(input.id)?.props.get("schema") as string | undefined;
    const record = current && current !== input.schema && isA(current, input.schema) ? { ...input, schema: current } : input;
    const row = entityRow(record);
    const { node, created } = this.node("Entity", row.id);
    const props = node.props;
    if (created) {
      props.set("schema", row.schema);
      props.set("name", row.name);
    }
    node.labels.add(row.schema);
    props.set("sanctioned", ((props.get("sanctioned") as boolean | undefined) ?? false) || row.sanctioned);
    for (const [key, values] of Object.entries(row.lists)) union(props, key, values);
    const aliases = list(props, "aliases")?.filter((a) => a !== props.get("name"));
    assign(props, { aliases: aliases?.length ? aliases : undefined });
    keepSeen(props, row.seen);
    this.names?.(row.id, BulkGraph.names(props));
    for (const ref of row.referents) {
      if (ref === row.id) continue;
      this.node("Referent", ref);
      this.link("OF", { group: "Referent", id: ref }, { group: "Entity", id: row.id });
    }
  }

  private identification(record: IdentificationRecord) {
    const row = identificationRow(record);
    const { node } = this.node("Identification", row.id);
    const props = node.props;
    props.set("schema", row.schema);
    if (row.schema === "Passport") node.labels.add("Passport");
    assign(props, row.properties);
    assign(props, { holder: row.holderIds.length ? row.holderIds : undefined });
    union(props, "sourceIds", row.sourceIds);
    union(props, "datasets", row.datasets);
    assign(props, {
      referents: row.referents.length ? row.referents : undefined,
      first_seen: row.seen.first_seen,
      last_seen: row.seen.last_seen,
      last_change: row.seen.last_change,
    });
    for (const holder of row.holderIds) {
      if (this.nodes.Entity.has(holder))
        this.link("HAS_IDENTIFICATION", { group: "Entity", id: holder }, { group: "Identification", id: row.id });
    }
  }

  private sanction(record: SanctionRecord, ftm: string | undefined) {
    const row = sanctionRow(record, ftm);
    const entity = this.nodes.Entity.get(row.entityId);
    if (!entity) {
      this.missingSanctions++;
      this.missing.push({ id: row.id, source: row.entityId, target: row.id });
      return;
    }
    const props = this.node("Sanction", row.id).node.props;
    assign(props, row.props);
    union(props, "sourceIds", row.sourceIds);
    this.link("HAS_SANCTION", { group: "Entity", id: row.entityId }, { group: "Sanction", id: row.id });
    entity.props.set("sanctioned", true);
  }

  private relationship(record: RelationshipRecord) {
    const row = relationshipRow(record);
    if (!this.nodes.Entity.has(row.source) || !this.nodes.Entity.has(row.target)) {
      this.missing.push({ id: row.id, source: row.source, target: row.target });
      return;
    }
    this.relationshipRows++;
    const pair = [row.source, row.target].sort();
    const key = `${row.type}\u0000${pair[0]}\u0000${pair[1]}`;
    const candidates = this.between.get(key) ?? [];
    const same = (r: BulkRelationship) => r.props.get("id") === row.id;
    const analyst = (values: string[] | undefined) => (values ?? []).includes("analyst");
    const date = (value: unknown) => (typeof value === "string" ? value : "");
    const found = candidates
      .filter(
        (f) =>
          same(f) ||
          ((!row.directed || f.from.id === row.source) &&
            !analyst(row.datasets) &&
            !analyst(list(f.props, "datasets")) &&
            date(f.props.get("startDate")) === date(row.props.startDate) &&
            date(f.props.get("endDate")) === date(row.props.endDate)),
      )
      // ORDER BY f.id = row.id DESC, f.id: Cypher orders strings by UTF-16 code unit, as JavaScript's < does.
      .sort((a, b) => Number(same(b)) - Number(same(a)) || compare(a.props.get("id") as string, b.props.get("id") as string))[0];
    if (!found) {
      const created: BulkRelationship = {
        type: row.type,
        from: { group: "Entity", id: row.source },
        to: { group: "Entity", id: row.target },
        props: new Map([["id", row.id]]),
      };
      assign(created.props, row.props);
      candidates.push(created);
      this.between.set(key, candidates);
      this.relationships.push(created);
    } else if (same(found)) {
      assign(found.props, row.props);
    } else {
      for (const [k, v] of Object.entries(row.props)) if (!found.props.has(k)) found.props.set(k, v as Value);
    }
    const id = found ? found.props.get("id") : row.id;
    for (const r of candidates.filter((c) => c.props.get("id") === id)) {
      union(r.props, "sourceIds", row.sourceIds);
      union(r.props, "datasets", row.datasets);
      if (row.referents.length) union(r.props, "referents", row.referents);
      keepSeen(r.props, row.seen);
    }
  }

  private other(row: OtherRecord) {
    const props = this.node("FtmRecord", row.id).node.props;
    assign(props, { schema: row.schema, ftm: row.ftm, refs: row.refs.length ? row.refs : undefined });
    union(props, "sourceIds", row.sourceIds);
    union(props, "datasets", row.datasets);
    for (const ref of row.refs) {
      if (this.nodes.Entity.has(ref)) this.link("HAS_RECORD", { group: "Entity", id: ref }, { group: "FtmRecord", id: row.id });
    }
  }
}
