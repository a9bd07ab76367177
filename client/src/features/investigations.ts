/**
 * Investigations (the analyst tab): the canvas as an investigation stores it, a saved investigation reopened with
 * its layout and filters, a read-only share link (`?shared=<token>`), and entities an analyst's new link brings in.
 */
import type { Position } from "cytoscape";
import type { AnalystApi, InvestigationSummary } from "../api/analyst.ts";
import type { SanctionsApi } from "../api/queries.ts";
import type { CanvasView } from "../graph/canvas-view.ts";
import { decodeViewState, type LayoutName, type ViewState } from "../model/url-state.ts";
import type { ViewSession } from "../model/view-session.ts";
import type { StatusOverlay } from "../ui/status-overlay.ts";
import type { RenderOptions } from "./drawing.ts";

export interface InvestigationParts {
  session: ViewSession;
  view: CanvasView;
  api: SanctionsApi;
  analystApi: Pick<AnalystApi, "sharedInvestigation">;
  status: Pick<StatusOverlay, "error" | "announce">;
  /** Opens a view state (features/open-view.ts). */
  open(state: ViewState): Promise<void>;
  /** Redraws the canvas (features/drawing.ts). */
  render(options?: RenderOptions): Promise<void>;
}

/** What an investigation keeps of the canvas; `layout` and `filters` are JSON texts. */
export interface InvestigationView {
  entityIds: string[];
  layout: string;
  filters: string;
}

export class Investigations {
  constructor(private readonly parts: InvestigationParts) {}

  /** The canvas as an investigation stores it: its entities, where they are drawn, and the filters. */
  current(): InvestigationView {
    const { session, view } = this.parts;
    const positions = Object.fromEntries(view.cy.nodes(".entity").map((n) => [n.id(), n.position()]));
    return {
      entityIds: session.model.entityIds(),
      layout: JSON.stringify({ layout: session.layout, positions }),
      filters: JSON.stringify({ hiddenSchemata: [...session.hiddenSchemata], hiddenTypes: [...session.hiddenTypes] }),
    };
  }

  /** Reopens an investigation: its entities, its layout with the positions it was saved with, and its filters. */
  async open(investigation: InvestigationSummary): Promise<void> {
    const { session, view } = this.parts;
    const layout = JSON.parse(investigation.layout ?? "{}") as { layout?: LayoutName; positions?: Record<string, Position> };
    const filters = JSON.parse(investigation.filters ?? "{}") as { hiddenSchemata?: string[]; hiddenTypes?: string[] };
    await this.parts.open({
      ...decodeViewState(""),
      entities: investigation.entityIds,
      layout: layout.layout ?? session.layout,
      hiddenSchemata: filters.hiddenSchemata ?? [],
      hiddenTypes: filters.hiddenTypes ?? [],
    });
    const positions = layout.positions ?? {};
    view.cy.batch(() => {
      for (const [id, position] of Object.entries(positions)) view.cy.getElementById(id).position(position);
    });
    view.fit(undefined, { animate: false });
    this.parts.status.announce(`Opened the investigation \u201c${investigation.name}\u201d.`);
  }

  /** A read-only share link: the investigation's entities, layout and filters (the start view if it leads nowhere). */
  async openShared(token: string): Promise<void> {
    const { status } = this.parts;
    try {
      const investigation = await this.parts.analystApi.sharedInvestigation(token);
      if (investigation) return await this.open(investigation);
      status.announce("That share link leads to no investigation.");
    } catch (error) {
      status.error(error, () => void this.openShared(token));
      return;
    }
    await this.parts.open(decodeViewState(""));
  }

  /** Adds entities to the canvas with every relationship among all it shows (after an analyst adds a link). */
  async show(ids: string[]): Promise<void> {
    const { session, api } = this.parts;
    const subgraph = await api.subgraph([...new Set([...session.model.entityIds(), ...ids])]);
    session.model.addSubgraph(subgraph);
    await this.parts.render({ layout: true, incremental: true });
  }
}
