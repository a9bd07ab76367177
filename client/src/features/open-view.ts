/**
 * Opening a view: a state from a link (or the hash the user changed) with its filters, layout, day, entities or
 * neighbourhood, path query and selection; the start network; the empty canvas.
 */
import type { SanctionsApi } from "../api/queries.ts";
import type { CanvasView } from "../graph/canvas-view.ts";
import { DEFAULT_START, isBlank, type ViewState } from "../model/url-state.ts";
import type { ViewSession } from "../model/view-session.ts";
import type { AsOfControl } from "../ui/as-of-control.ts";
import type { DetailsPanel } from "../ui/details-panel.ts";
import type { PathFinder } from "../ui/path-finder.ts";
import type { StatusOverlay } from "../ui/status-overlay.ts";
import type { Toolbar } from "../ui/toolbar.ts";
import type { SideTabs } from "./commands.ts";
import type { RenderOptions } from "./drawing.ts";
import type { Selection } from "./selection.ts";
import type { UrlSync } from "./url-sync.ts";

export interface OpenParts {
  session: ViewSession;
  view: CanvasView;
  api: SanctionsApi;
  status: Pick<StatusOverlay, "loading" | "error" | "announce" | "hidePanel">;
  toolbar: Pick<Toolbar, "setLayout">;
  asOf: Pick<AsOfControl, "show">;
  pathFinder: Pick<PathFinder, "setQuery" | "find" | "clear">;
  details: Pick<DetailsPanel, "showHint">;
  tabs: SideTabs;
  selection: Selection;
  url: UrlSync;
  /** Redraws the canvas (features/drawing.ts). */
  render(options?: RenderOptions): Promise<void>;
}

export class ViewOpener {
  constructor(private readonly parts: OpenParts) {}

  /** Opens a view state: it replaces the canvas, the filters, the layout and the day. */
  async open(state: ViewState): Promise<void> {
    const { session, api, pathFinder, view, selection, url } = this.parts;
    session.setFilters(state.hiddenSchemata, state.hiddenTypes);
    session.setLayout(state.layout);
    this.parts.toolbar.setLayout(state.layout);
    api.at = state.at ?? null;
    session.setAt(api.at);
    this.parts.asOf.show(api.at);
    session.clear();
    try {
      if (state.entities.length) await this.restore(state.entities);
      else if (state.hood) await this.loadNeighbourhood(state.hood.id, state.hood.depth);
      else if (isBlank(state)) await this.loadNeighbourhood(DEFAULT_START.id, DEFAULT_START.depth);
      if (state.path) {
        pathFinder.setQuery(state.path, session.model.entities);
        this.parts.tabs.show("paths");
        await pathFinder.find(state.path);
      }
      url.start();
      if (state.selected && view.select(state.selected)) selection.changed(view.selected());
      url.update();
    } catch (error) {
      this.parts.status.error(error, () => void this.open(state));
    }
  }

  /** Opens the start network (Department 53's neighbourhood) on a cleared canvas. */
  async openStart(): Promise<void> {
    this.reset();
    this.parts.status.hidePanel();
    try {
      await this.loadNeighbourhood(DEFAULT_START.id, DEFAULT_START.depth);
    } catch (error) {
      this.parts.status.error(error, () => void this.openStart());
    }
  }

  /** Empties the canvas, the path finder and the details. */
  clear(): void {
    this.reset();
    void this.parts.render();
  }

  private reset(): void {
    this.parts.session.clear();
    this.parts.pathFinder.clear();
    this.parts.details.showHint();
  }

  private async loadNeighbourhood(id: string, depth: number): Promise<void> {
    const { session, api, status } = this.parts;
    const subgraph = await status.loading("Loading the network…", () => api.neighbourhood(id, depth, 150));
    session.model.addSubgraph(subgraph, id);
    await this.parts.render({ layout: true, focus: id });
    if (subgraph.truncated) status.announce("The neighbourhood is larger than shown; expand entities to see more.");
    status.announce(`Loaded ${subgraph.nodes.length} entities and ${subgraph.edges.length} relationships.`);
  }

  /** The entities a link lists, with every relationship among them. */
  private async restore(ids: string[]): Promise<void> {
    const { session, api, status } = this.parts;
    const subgraph = await status.loading("Reopening the view…", () => api.subgraph(ids));
    session.model.addSubgraph(subgraph);
    const missing = new Set(ids).size - subgraph.nodes.length;
    await this.parts.render({ layout: true });
    if (missing > 0) status.announce(`${missing} entit${missing === 1 ? "y" : "ies"} from the link no longer exist.`);
  }
}
