/**
 * The selection: what is selected on the canvas fills the details panel and the exposure tab and brings the
 * details to the front (unless a tab that works on the selection is open); lists and the path finder select on the
 * canvas through here.
 */
import type { Relationship } from "../api/types.ts";
import type { CanvasView } from "../graph/canvas-view.ts";
import type { CanvasEntity } from "../model/canvas-model.ts";
import type { ViewSession } from "../model/view-session.ts";
import type { DetailsPanel } from "../ui/details-panel.ts";
import type { ExposurePanel } from "../ui/exposure-panel.ts";
import type { SideTabs } from "./commands.ts";

export type SelectionTarget = { kind: "entity" | "relationship"; id: string } | null;

export interface SelectionParts {
  session: ViewSession;
  view: Pick<CanvasView, "select" | "selected" | "cy">;
  details: Pick<DetailsPanel, "showHint" | "showEntity" | "showRelationship">;
  exposure: Pick<ExposurePanel, "setEntity">;
  tabs: SideTabs;
  /** Writes the view to the URL (features/url-sync.ts). */
  updateUrl(): void;
}

/** Tabs that work on the selection: they stay in front when it changes; the others give way to Details. */
const KEEP_TABS = ["paths", "exposure", "analyst"];

export class Selection {
  constructor(private readonly parts: SelectionParts) {}

  /** The canvas's selection changed (a tap, the keys, a reopened link): the panels follow. */
  changed(target: SelectionTarget): void {
    const { session, details, tabs } = this.parts;
    this.parts.exposure.setEntity(target?.kind === "entity" ? (session.model.entities.get(target.id) ?? null) : null);
    if (!target) {
      details.showHint();
    } else if (target.kind === "entity") {
      void details.showEntity(target.id);
      if (tabs.current === "list") tabs.show("details");
    } else {
      const r = session.model.relationships.get(target.id);
      if (r) details.showRelationship(r);
    }
    if (target && !KEEP_TABS.includes(tabs.current)) tabs.show("details");
    this.parts.updateUrl();
  }

  /** Selects an element on the canvas (from a list or the path finder) and shows its details. */
  show(id: string): void {
    if (this.selectKeepingTab(id)) this.parts.tabs.show("details");
  }

  /** Selects an element on the canvas where it is (a search result just drawn) and the panels follow. */
  select(id: string): void {
    this.parts.view.select(id);
    this.changed(this.parts.view.selected());
  }

  /** Selects an element on the canvas and fills the details panel, without leaving the current tab. */
  selectKeepingTab(id: string): boolean {
    const { view } = this.parts;
    if (!view.select(id, { center: true })) return false;
    this.changed(view.selected());
    return true;
  }

  /** Clears the selection and the details. */
  clear(): void {
    this.parts.view.cy.elements(":selected").unselect();
    this.changed(null);
  }

  /** The selected entity, if an entity is selected. */
  entity(): CanvasEntity | null {
    const sel = this.parts.view.selected();
    return sel?.kind === "entity" ? (this.parts.session.model.entities.get(sel.id) ?? null) : null;
  }

  /** The selected relationship, if a relationship is selected. */
  relationship(): Relationship | null {
    const sel = this.parts.view.selected();
    return sel?.kind === "relationship" ? (this.parts.session.model.relationships.get(sel.id) ?? null) : null;
  }
}
