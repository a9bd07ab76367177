/**
 * API data -> Cytoscape element definitions. Pure functions (no DOM, no Cytoscape instance) so they run in unit tests.
 */
import type { Path, Relationship } from "../api/types.ts";
import { hasEnded, isDelisted, today } from "../model/as-of.ts";
import type { CanvasEntity, CanvasModel, Pager } from "../model/canvas-model.ts";
import { type FanOutGroup, fanOutGroups, groupLabel } from "./grouping.ts";
import { importance } from "./level-of-detail.ts";
import { schemaStyle } from "./schema-style.ts";

export interface NodeData {
  id: string;
  kind: "entity" | "pager" | "group";
  label: string;
  /** Full name, for tooltips and the accessible list. */
  name: string;
  schema: string;
  color: string;
  shape: string;
  sanctioned: boolean;
  countries: string[];
  /** Relationships that exist but are not on the canvas. */
  hidden: number;
  /** For pagers and groups: the entity they belong to. */
  entityId?: string;
  /** How prominent it is drawn, 0 to 1 (level-of-detail.ts): size and label size follow it. */
  importance: number;
  /** The entity the view is centred on. */
  focus: boolean;
}

export interface EdgeData {
  id: string;
  kind: "relationship" | "pager-link" | "group-link";
  source: string;
  target: string;
  type: string;
  label: string;
  role: string;
}

export interface ElementDef<D> {
  group: "nodes" | "edges";
  data: D;
  classes?: string;
}

export const MAX_LABEL = 32;

export function shortLabel(name: string, max = MAX_LABEL): string {
  const clean = name.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

export function entityToNode(entity: CanvasEntity, hidden = 0, day = today(), focus = false): ElementDef<NodeData> {
  const style = schemaStyle(entity.schema);
  const label = hidden > 0 ? `${shortLabel(entity.name)}\n+${hidden}` : shortLabel(entity.name);
  return {
    group: "nodes",
    data: {
      id: entity.id,
      kind: "entity",
      label,
      name: entity.name,
      schema: entity.schema,
      color: style.color,
      shape: style.shape,
      sanctioned: entity.sanctioned,
      countries: entity.countries,
      hidden,
      importance: importance(entity.degree ?? hidden, { focus, sanctioned: entity.sanctioned }),
      focus,
    },
    classes: entity.sanctioned ? "entity sanctioned" : isDelisted(entity, day) ? "entity delisted" : "entity",
  };
}

/** The edge label: the type's label, and for ownership the percentage and years ("owns 51% (2015–)"). */
export function edgeLabel(r: Pick<Relationship, "type" | "label" | "properties" | "startDate" | "endDate">): string {
  if (r.type !== "OWNS") return r.label;
  const percentage = r.properties.find((p) => p.name === "percentage")?.values[0];
  const share = percentage ? ` ${percentage.replace(/\s*%$/, "")}%` : "";
  const years = r.startDate || r.endDate ? ` (${r.startDate?.slice(0, 4) ?? ""}–${r.endDate?.slice(0, 4) ?? ""})` : "";
  return `${r.label}${share}${years}`;
}

export function relationshipToEdge(r: Relationship, day = today()): ElementDef<EdgeData> {
  return {
    group: "edges",
    data: {
      id: r.id,
      kind: "relationship",
      source: r.source.id,
      target: r.target.id,
      type: r.type,
      label: edgeLabel(r),
      role: r.role ?? "",
    },
    // Analyst facts (dataset `analyst`) are drawn apart from list facts (stylesheet: edge.analyst), and so are links
    // that had ended by the day shown (edge.ended).
    classes: ["relationship", ...(r.analyst ? ["analyst"] : []), ...(hasEnded(r, day) ? ["ended"] : [])].join(" "),
  };
}

export function pagerLabel(pager: Pager): string {
  const what = pager.types.length ? ` ${pager.types.join(", ")}` : "";
  return `${pager.remaining} more${what}`;
}

export function pagerToElements(pager: Pager): [ElementDef<NodeData>, ElementDef<EdgeData>] {
  return [
    {
      group: "nodes",
      data: {
        id: pager.id,
        kind: "pager",
        label: pagerLabel(pager),
        name: `Load ${pagerLabel(pager)}`,
        schema: "",
        color: "#e2e8f0",
        shape: "round-rectangle",
        sanctioned: false,
        countries: [],
        hidden: 0,
        entityId: pager.entityId,
        importance: 0,
        focus: false,
      },
      classes: "pager",
    },
    {
      group: "edges",
      data: { id: `${pager.id}:link`, kind: "pager-link", source: pager.entityId, target: pager.id, type: "", label: "", role: "" },
      classes: "pager-link",
    },
  ];
}

/** A group of a large fan-out (grouping.ts) as a node linked to its hub; `typeLabel` words the relationship type. */
export function groupToElements(group: FanOutGroup, typeLabel: string): [ElementDef<NodeData>, ElementDef<EdgeData>] {
  const label = groupLabel(group, typeLabel);
  const sanctioned = group.sanctioned > 0;
  return [
    {
      group: "nodes",
      data: {
        id: group.id,
        kind: "group",
        label,
        name: `${label.replace("\n", " ")}${sanctioned ? ` (${group.sanctioned} sanctioned)` : ""}: open the group`,
        schema: group.schema,
        color: schemaStyle(group.schema).color,
        shape: "round-rectangle",
        sanctioned,
        countries: [],
        hidden: 0,
        entityId: group.hub,
        importance: 0.5,
        focus: false,
      },
      classes: sanctioned ? "group sanctioned" : "group",
    },
    {
      group: "edges",
      data: {
        id: `${group.id}:link`,
        kind: "group-link",
        source: group.outgoing ? group.hub : group.id,
        target: group.outgoing ? group.id : group.hub,
        type: group.type,
        label: "",
        role: "",
      },
      classes: "group-link",
    },
  ];
}

/** What the view adds to the model: the entity it is centred on, entities never grouped, groups the user opened. */
export interface SceneOptions {
  focus?: string;
  keep?: ReadonlySet<string>;
  opened?: ReadonlySet<string>;
}

/** Every element the model holds, large fan-outs grouped (grouping.ts); `groups` lists the groups drawn. */
export function modelToElements(
  model: CanvasModel,
  scene: SceneOptions = {},
): ElementDef<NodeData | EdgeData>[] & { groups: FanOutGroup[] } {
  const hidden = model.hiddenCounts();
  const keep = new Set(scene.keep ?? []);
  if (scene.focus) keep.add(scene.focus);
  const relationships = [...model.relationships.values()];
  const groups = fanOutGroups(
    [...model.entities.values()],
    relationships.map((r) => ({ id: r.id, source: r.source.id, target: r.target.id, type: r.type })),
    { keep, opened: scene.opened },
  );
  const groupedNodes = new Set(groups.flatMap((g) => g.members));
  const groupedEdges = new Set(groups.flatMap((g) => g.edges));
  const out: ElementDef<NodeData | EdgeData>[] = [];
  const day = model.asOf ?? today();
  for (const entity of model.entities.values())
    if (!groupedNodes.has(entity.id)) out.push(entityToNode(entity, hidden.get(entity.id) ?? 0, day, entity.id === scene.focus));
  for (const r of relationships) if (!groupedEdges.has(r.id)) out.push(relationshipToEdge(r, day));
  for (const p of model.pagers.values()) if (!groupedNodes.has(p.entityId)) out.push(...pagerToElements(p));
  for (const g of groups) out.push(...groupToElements(g, model.relationships.get(g.edges[0])?.label ?? g.type));
  return Object.assign(out, { groups });
}

export interface Filters {
  hiddenSchemata: ReadonlySet<string>;
  hiddenTypes: ReadonlySet<string>;
}

/** Whether a filter hides an element (pagers follow their entity; relationships follow their type and their ends). */
export function isFilteredOut(data: NodeData | EdgeData, filters: Filters, nodeSchema: (id: string) => string | undefined): boolean {
  if ("shape" in data) {
    if (data.kind === "pager") {
      const owner = data.entityId ? nodeSchema(data.entityId) : undefined;
      return owner !== undefined && filters.hiddenSchemata.has(owner);
    }
    return filters.hiddenSchemata.has(data.schema);
  }
  if (data.kind === "relationship" && filters.hiddenTypes.has(data.type)) return true;
  for (const end of [data.source, data.target]) {
    const schema = nodeSchema(end);
    if (schema !== undefined && filters.hiddenSchemata.has(schema)) return true;
  }
  return false;
}

/** The ids of the entities and relationships of some paths (for highlighting). */
export function pathElementIds(paths: Path[]): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const p of paths) {
    for (const n of p.nodes) nodes.add(n.id);
    for (const h of p.hops) edges.add(h.relationship.id);
  }
  return { nodes, edges };
}

/** Counts per schema and per relationship type on the canvas, for the legend. */
export function legendCounts(model: CanvasModel): {
  schemata: Map<string, number>;
  types: Map<string, number>;
  sanctioned: number;
  delisted: number;
  ended: number;
} {
  const schemata = new Map<string, number>();
  const types = new Map<string, number>();
  const day = model.asOf ?? today();
  let sanctioned = 0;
  let delisted = 0;
  let ended = 0;
  for (const e of model.entities.values()) {
    schemata.set(e.schema, (schemata.get(e.schema) ?? 0) + 1);
    if (e.sanctioned) sanctioned++;
    else if (isDelisted(e, day)) delisted++;
  }
  for (const r of model.relationships.values()) {
    types.set(r.type, (types.get(r.type) ?? 0) + 1);
    if (hasEnded(r, day)) ended++;
  }
  return { schemata, types, sanctioned, delisted, ended };
}
