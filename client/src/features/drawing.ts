/**
 * Drawing the canvas from the session: the canvas follows the model, the legend and the "On canvas" list are
 * refreshed, the path highlight is drawn again, the empty canvas offers the start network, and layouts run.
 */
import type { Metadata } from "../api/types.ts";
import type { CanvasView } from "../graph/canvas-view.ts";
import { legendCounts } from "../graph/elements.ts";
import type { LayoutName } from "../model/url-state.ts";
import type { ViewSession } from "../model/view-session.ts";
import type { EntityList } from "../ui/entity-list.ts";
import type { Legend } from "../ui/legend.ts";
import type { StatusOverlay } from "../ui/status-overlay.ts";
import type { Toolbar } from "../ui/toolbar.ts";

export interface RenderOptions {
  /** Lays the canvas out after drawing (what a change added). */
  layout?: boolean;
  /** Keeps what is placed where it is and places only what is new. */
  incremental?: boolean;
  /** The entity the layout centres on. */
  focus?: string;
}

export interface DrawingParts {
  session: ViewSession;
  view: CanvasView;
  legend: Pick<Legend, "render">;
  entityList: Pick<EntityList, "render">;
  status: Pick<StatusOverlay, "empty" | "hidePanel" | "showingError">;
  toolbar: Pick<Toolbar, "setLayout">;
  /** The API's metadata once loaded (relationship type labels). */
  metadata(): Metadata | null;
  /** Draws the session's path highlight again (features/paths.ts). */
  applyHighlight(): void;
  /** Writes the view to the URL (features/url-sync.ts). */
  updateUrl(): void;
  /** What the empty canvas's button does: open the start network. */
  openStart(): void;
}

export class Drawing {
  constructor(private readonly parts: DrawingParts) {}

  /** Redraws everything that shows the model; awaits the layout when one is asked for. */
  async render({ layout = false, incremental = false, focus }: RenderOptions = {}): Promise<void> {
    const { session, view, status } = this.parts;
    view.sync(session.model);
    this.parts.legend.render({
      ...legendCounts(session.model),
      hiddenSchemata: session.hiddenSchemata,
      hiddenTypes: session.hiddenTypes,
      typeLabel: (t) => this.typeLabel(t),
    });
    this.parts.entityList.render(session.model);
    this.parts.applyHighlight();
    if (session.model.isEmpty) status.empty(() => this.parts.openStart());
    else if (!status.showingError) status.hidePanel();
    this.parts.updateUrl();
    if (layout) await view.layout(session.layout, { incremental, focus });
  }

  /** Switches the layout and runs it around the selected entity. */
  async relayout(name: LayoutName): Promise<void> {
    const { session, view } = this.parts;
    session.setLayout(name);
    this.parts.toolbar.setLayout(name);
    const sel = view.selected();
    await view.layout(name, { focus: sel?.kind === "entity" ? sel.id : undefined });
    this.parts.updateUrl();
  }

  /** A relationship type's label from the metadata (its name in words until the metadata is there). */
  typeLabel(type: string): string {
    return this.parts.metadata()?.relationshipTypes.find((t) => t.type === type)?.label ?? type.toLowerCase().replace(/_/g, " ");
  }
}
