/**
 * Changing what the canvas shows: an entity from search, several at once (screening hits, changed entities), an
 * expansion by relationship type and direction and its "load more" pages, collapsing, removing, and a relationship
 * an analyst changed. Each asks the API, changes the session's model and redraws.
 */
import type { SanctionsApi } from "../api/queries.ts";
import type { Direction, EntitySummary, Relationship } from "../api/types.ts";
import type { ViewSession } from "../model/view-session.ts";
import type { DetailsPanel } from "../ui/details-panel.ts";
import type { StatusOverlay } from "../ui/status-overlay.ts";
import { PAGE_SIZE, type SideTabs } from "./commands.ts";
import type { RenderOptions } from "./drawing.ts";
import type { Selection } from "./selection.ts";

export interface EditParts {
  session: ViewSession;
  api: Pick<SanctionsApi, "subgraph" | "relationships">;
  status: Pick<StatusOverlay, "loading" | "error" | "announce">;
  selection: Pick<Selection, "show" | "select" | "selectKeepingTab">;
  details: Pick<DetailsPanel, "showHint">;
  tabs: SideTabs;
  /** Redraws the canvas (features/drawing.ts). */
  render(options?: RenderOptions): Promise<void>;
}

export class CanvasEdits {
  constructor(private readonly parts: EditParts) {}

  /** Puts a search result on the canvas with its links to what is there, and selects it (or selects it if there). */
  async addFromSearch(entity: EntitySummary): Promise<void> {
    const { session, api, status, selection } = this.parts;
    const { model } = session;
    if (model.entities.has(entity.id)) selection.show(entity.id);
    else {
      try {
        // The entity with its links to what is already there (and any link among those not drawn yet).
        const subgraph = await status.loading(`Adding ${entity.name}…`, () => api.subgraph([entity.id, ...model.entityIds()]));
        model.addSubgraph(subgraph);
        if (!model.entities.has(entity.id)) model.addEntity(entity);
      } catch (error) {
        status.error(error, () => void this.addFromSearch(entity));
        return;
      }
      const laidOut = this.parts.render({ layout: true, incremental: model.size > 1 });
      selection.select(entity.id);
      this.parts.tabs.show("details");
      await laidOut;
    }
    status.announce(`${entity.name} is on the canvas and selected.`);
  }

  /** Puts entities (screening hits, changed entities) on the canvas with their links to what is there. */
  async addMany(ids: string[], what: string): Promise<void> {
    const { session, api, status } = this.parts;
    try {
      const subgraph = await status.loading(`Adding ${ids.length} entities…`, () => api.subgraph([...ids, ...session.model.entityIds()]));
      session.model.addSubgraph(subgraph);
    } catch (error) {
      status.error(error, () => void this.addMany(ids, what));
      return;
    }
    await this.parts.render({ layout: true, incremental: session.model.size > ids.length });
    status.announce(`${ids.length} ${what} are on the canvas.`);
  }

  /** Adds a page of an entity's relationships of these types in this direction (all: no types, "ANY"). */
  async expand(id: string, types: string[], direction: Direction, first = PAGE_SIZE): Promise<void> {
    const { session, api, status } = this.parts;
    const name = session.model.entities.get(id)?.name ?? id;
    try {
      const page = await status.loading(`Expanding ${name}…`, () => api.relationships({ id, types, direction, first }));
      if (!page) throw new Error(`${name} no longer exists.`);
      const added = session.model.addRelationshipPage(id, types, direction, page);
      await this.parts.render({ layout: true, incremental: true });
      status.announce(
        `Added ${added.length} entities${page.pageInfo.hasNextPage ? `; ${page.totalCount - page.edges.length} more to load` : ""}.`,
      );
    } catch (error) {
      status.error(error, () => void this.expand(id, types, direction, first));
    }
  }

  /** The next page of an expansion (its pager node on the canvas). */
  async loadMore(pagerId: string, first = PAGE_SIZE): Promise<void> {
    const { session, api, status } = this.parts;
    const pager = session.model.pagers.get(pagerId);
    if (!pager) return;
    try {
      const page = await status.loading("Loading more…", () =>
        api.relationships({ id: pager.entityId, types: pager.types, direction: pager.direction, first, after: pager.after }),
      );
      if (!page) return;
      session.model.addRelationshipPage(pager.entityId, pager.types, pager.direction, page);
      await this.parts.render({ layout: true, incremental: true });
    } catch (error) {
      status.error(error, () => void this.loadMore(pagerId, first));
    }
  }

  /** Removes the entity's leaves (never the ends of the path query). */
  collapse(id: string): void {
    const { session } = this.parts;
    const path = session.path;
    const removed = session.model.collapse(id, new Set(path ? [path.query.from, path.query.to] : []));
    void this.parts.render();
    this.parts.status.announce(`Collapsed: ${removed.length} entities removed.`);
  }

  remove(ids: string[]): void {
    this.parts.session.model.removeEntities(ids);
    this.parts.details.showHint();
    void this.parts.render();
    this.parts.status.announce(`Removed ${ids.length} entit${ids.length === 1 ? "y" : "ies"}.`);
  }

  /** An analyst added, ended or retracted a relationship (`now`: as it is now; null: it is gone). */
  relationshipChanged(id: string, now: Relationship | null): void {
    const { model } = this.parts.session;
    if (now) model.relationships.set(id, now);
    else model.relationships.delete(id);
    void this.parts.render();
    if (now) this.parts.selection.selectKeepingTab(id);
  }
}
