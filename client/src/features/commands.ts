/**
 * What the menus and keys may ask of the application, and the side panel's tabs as features see them. The
 * composition root (app.ts) builds the commands from the features that do each and hands them round, so no feature
 * imports app.ts.
 */
import type { Direction } from "../api/types.ts";
import type { LayoutName } from "../model/url-state.ts";

/** The side panel's tabs. */
export type SideTab = "details" | "paths" | "exposure" | "list" | "screen" | "changes" | "analyst";

/** What features need of the side panel's tabs (ui/tabs.ts): which is in front, and bringing one to the front. */
export interface SideTabs {
  readonly current: SideTab;
  show(key: SideTab): void;
}

/** Relationships loaded per expansion or "load more". */
export const PAGE_SIZE = 25;

export interface CanvasCommands {
  expand(id: string, types: string[], direction: Direction, first?: number): Promise<void>;
  loadMore(pagerId: string, first?: number): Promise<void>;
  collapse(id: string): void;
  remove(ids: string[]): void;
  /** Selects an entity or relationship on the canvas and shows its details. */
  select(id: string): void;
  /** Clears the selection and the details. */
  deselect(): void;
  relayout(name: LayoutName): Promise<void>;
  setPathEnd(end: "from" | "to" | "avoid", id: string): void;
  clearPath(): void;
  /** The analyst tab: a new link from this entity, or ending/retracting this relationship. */
  linkFrom(id: string): void;
  changeLink(id: string): void;
  /** Redraws the canvas from the model. */
  render(): void;
}
