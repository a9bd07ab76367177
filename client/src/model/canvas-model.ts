/**
 * What is on the canvas, independent of Cytoscape and the DOM: entities, the relationships among them, "N more"
 * pagers for expansions not fully loaded, and which entity brought which in. The view syncs itself from this model.
 */
import type { Direction, EntitySummary, Path, Relationship, RelationshipConnection, Subgraph, TypeCount } from "../api/types.ts";

export interface CanvasEntity extends EntitySummary {
  /** All relationships the entity has, when known (from relationshipCounts or a subgraph's `omitted`). */
  degree?: number;
}

/** The rest of a paged expansion, drawn as an "N more" node attached to its entity. */
export interface Pager {
  id: string;
  entityId: string;
  types: string[];
  direction: Direction;
  /** Cursor of the last loaded relationship. */
  after: string | null;
  /** Relationships of this expansion not loaded yet. */
  remaining: number;
}

export function pagerId(entityId: string, types: string[], direction: Direction): string {
  return `more:${entityId}:${[...types].sort().join("+") || "*"}:${direction}`;
}

export function totalCount(counts: TypeCount[]): number {
  return counts.reduce((sum, c) => sum + c.count, 0);
}

export class CanvasModel {
  readonly entities = new Map<string, CanvasEntity>();
  readonly relationships = new Map<string, Relationship>();
  readonly pagers = new Map<string, Pager>();
  /** Entity id -> the entity whose expansion brought it onto the canvas (used for collapse and first positions). */
  readonly origin = new Map<string, string>();
  /** The day the canvas shows (the API's `at`); null: today. */
  asOf: string | null = null;

  get size(): number {
    return this.entities.size;
  }

  get isEmpty(): boolean {
    return this.entities.size === 0;
  }

  clear(): void {
    this.entities.clear();
    this.relationships.clear();
    this.pagers.clear();
    this.origin.clear();
  }

  /** Adds or refreshes an entity; returns true if it was new. */
  addEntity(entity: EntitySummary, degree?: number): boolean {
    const existing = this.entities.get(entity.id);
    const { id, schema, name, countries, sanctioned, listings } = entity;
    this.entities.set(id, { id, schema, name, countries, sanctioned, listings, degree: degree ?? existing?.degree });
    return !existing;
  }

  /** Adds a relationship if both its ends are on the canvas; returns true if it was added. */
  addRelationship(relationship: Relationship): boolean {
    if (!this.entities.has(relationship.source.id) || !this.entities.has(relationship.target.id)) return false;
    if (this.relationships.has(relationship.id)) return false;
    this.relationships.set(relationship.id, relationship);
    return true;
  }

  /**
   * A subgraph (a neighbourhood, or entities and the links among them): its nodes, edges and, from `omitted`, each
   * node's full degree. New entities are recorded as brought in by `centre`, if given. Returns the ids of new entities.
   */
  addSubgraph(subgraph: Subgraph, centre?: string): string[] {
    const added: string[] = [];
    for (const node of subgraph.nodes) if (this.addEntity(node)) added.push(node.id);
    for (const edge of subgraph.edges) this.addRelationship(edge);
    const inSubgraph = new Map<string, number>();
    for (const edge of subgraph.edges) {
      inSubgraph.set(edge.source.id, (inSubgraph.get(edge.source.id) ?? 0) + 1);
      if (edge.target.id !== edge.source.id) inSubgraph.set(edge.target.id, (inSubgraph.get(edge.target.id) ?? 0) + 1);
    }
    const omitted = new Map(subgraph.omitted.map((o) => [o.id, o.count]));
    for (const node of subgraph.nodes) {
      const entity = this.entities.get(node.id);
      if (entity) entity.degree = (inSubgraph.get(node.id) ?? 0) + (omitted.get(node.id) ?? 0);
    }
    if (centre) for (const id of added) if (id !== centre && !this.origin.has(id)) this.origin.set(id, centre);
    return added;
  }

  /**
   * One page of an entity's relationships (an expansion by type and direction): the other ends, the relationships,
   * and a pager for the rest. Returns the ids of new entities.
   */
  addRelationshipPage(entityId: string, types: string[], direction: Direction, page: RelationshipConnection): string[] {
    const added: string[] = [];
    for (const edge of page.edges) {
      if (this.addEntity(edge.other)) {
        added.push(edge.other.id);
        this.origin.set(edge.other.id, entityId);
      }
      this.addRelationship(edge.node);
    }
    const entity = this.entities.get(entityId);
    if (entity) entity.degree = totalCount(page.countsByType);
    const id = pagerId(entityId, types, direction);
    const previous = this.pagers.get(id);
    const loaded = page.edges.length;
    const remaining = (previous ? previous.remaining : page.totalCount) - loaded;
    if (page.pageInfo.hasNextPage && remaining > 0) {
      this.pagers.set(id, { id, entityId, types: [...types], direction, after: page.pageInfo.endCursor, remaining });
    } else {
      this.pagers.delete(id);
    }
    return added;
  }

  /** Every entity and hop of a path. Returns the ids of new entities. */
  addPath(path: Path): string[] {
    const added: string[] = [];
    for (const node of path.nodes) if (this.addEntity(node)) added.push(node.id);
    for (const hop of path.hops) this.addRelationship(hop.relationship);
    return added;
  }

  /** Removes entities with their relationships and pagers. */
  removeEntities(ids: Iterable<string>): void {
    const gone = new Set(ids);
    for (const id of gone) {
      this.entities.delete(id);
      this.origin.delete(id);
    }
    for (const [id, r] of this.relationships) if (gone.has(r.source.id) || gone.has(r.target.id)) this.relationships.delete(id);
    for (const [id, p] of this.pagers) if (gone.has(p.entityId)) this.pagers.delete(id);
    for (const [child, parent] of this.origin) if (gone.has(parent)) this.origin.delete(child);
  }

  removePager(id: string): void {
    this.pagers.delete(id);
  }

  /** Ids of the entities linked to `id` on the canvas. */
  neighbours(id: string): Set<string> {
    const out = new Set<string>();
    for (const r of this.relationships.values()) {
      if (r.source.id === id) out.add(r.target.id);
      else if (r.target.id === id) out.add(r.source.id);
    }
    out.delete(id);
    return out;
  }

  /**
   * Collapses an entity: removes the neighbours whose only link on the canvas is to it (leaves), except those in
   * `keep` (e.g. the ends of a path), and its pagers. Returns the removed ids.
   */
  collapse(id: string, keep: ReadonlySet<string> = new Set()): string[] {
    const leaves = [...this.neighbours(id)].filter((n) => !keep.has(n) && [...this.neighbours(n)].every((m) => m === id));
    this.removeEntities(leaves);
    for (const [pid, p] of this.pagers) if (p.entityId === id) this.pagers.delete(pid);
    return leaves;
  }

  /** Relationships of an entity that exist but are not on the canvas (0 when its degree is unknown). */
  hiddenCount(id: string): number {
    const degree = this.entities.get(id)?.degree;
    if (degree === undefined) return 0;
    let onCanvas = 0;
    for (const r of this.relationships.values()) if (r.source.id === id || r.target.id === id) onCanvas++;
    return Math.max(0, degree - onCanvas);
  }

  /** Hidden counts of every entity in one pass. */
  hiddenCounts(): Map<string, number> {
    const onCanvas = new Map<string, number>();
    for (const r of this.relationships.values()) {
      onCanvas.set(r.source.id, (onCanvas.get(r.source.id) ?? 0) + 1);
      if (r.target.id !== r.source.id) onCanvas.set(r.target.id, (onCanvas.get(r.target.id) ?? 0) + 1);
    }
    const out = new Map<string, number>();
    for (const e of this.entities.values()) out.set(e.id, e.degree === undefined ? 0 : Math.max(0, e.degree - (onCanvas.get(e.id) ?? 0)));
    return out;
  }

  entityIds(): string[] {
    return [...this.entities.keys()];
  }

  /** A plain-data snapshot (the JSON export). */
  toJSON() {
    return {
      entities: [...this.entities.values()],
      relationships: [...this.relationships.values()],
      pagers: [...this.pagers.values()],
    };
  }
}
