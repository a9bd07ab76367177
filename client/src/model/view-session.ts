/**
 * The one owner of what the analyst is looking at: the canvas model and the view state around it (filters, layout,
 * the path query with its paths, the day shown). Components change it through its methods and hear of every change
 * through `subscribe`; the URL, the JSON export and a saved investigation all read `state()`.
 * (Not the sign-in session: that is model/session.ts.)
 */
import type { Path, PathQuery } from "../api/types.ts";
import { CanvasModel } from "./canvas-model.ts";
import type { LayoutName, ViewState } from "./url-state.ts";

export type ViewChange = "filters" | "layout" | "path" | "at";

/** The paths found for a query, and the one highlighted (null: all). */
export interface PathState {
  query: PathQuery;
  paths: Path[];
  highlighted: number | null;
}

export class ViewSession {
  readonly model = new CanvasModel();
  readonly hiddenSchemata = new Set<string>();
  readonly hiddenTypes = new Set<string>();
  layout: LayoutName = "fcose";
  path: PathState | null = null;
  private readonly listeners = new Set<(change: ViewChange) => void>();

  /** The day shown (the API's `at`), null for today; the canvas model draws its listings against it. */
  get at(): string | null {
    return this.model.asOf;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: (change: ViewChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: ViewChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Shows or hides one schema or relationship type. */
  setFilter(kind: "schema" | "type", name: string, visible: boolean): void {
    const set = kind === "schema" ? this.hiddenSchemata : this.hiddenTypes;
    if (visible) set.delete(name);
    else set.add(name);
    this.emit("filters");
  }

  /** Replaces both filters (a view reopened from a link or an investigation). */
  setFilters(hiddenSchemata: Iterable<string>, hiddenTypes: Iterable<string>): void {
    this.hiddenSchemata.clear();
    this.hiddenTypes.clear();
    for (const s of hiddenSchemata) this.hiddenSchemata.add(s);
    for (const t of hiddenTypes) this.hiddenTypes.add(t);
    this.emit("filters");
  }

  setLayout(name: LayoutName): void {
    this.layout = name;
    this.emit("layout");
  }

  setAt(at: string | null): void {
    this.model.asOf = at;
    this.emit("at");
  }

  /** The paths a query found; all highlighted. */
  setPaths(query: PathQuery, paths: Path[]): void {
    this.path = { query, paths, highlighted: null };
    this.emit("path");
  }

  /** Highlights one of the paths found (null: all); nothing without paths. */
  highlightPath(index: number | null): void {
    if (!this.path) return;
    this.path.highlighted = index;
    this.emit("path");
  }

  clearPath(): void {
    this.path = null;
    this.emit("path");
  }

  /** Empties the canvas and forgets the paths. */
  clear(): void {
    this.model.clear();
    this.clearPath();
  }

  /** The view as a link, an export or an investigation keeps it (`selected`: what the canvas has selected). */
  state(selected?: string): ViewState {
    return {
      entities: this.model.entityIds(),
      selected,
      layout: this.layout,
      hiddenSchemata: [...this.hiddenSchemata],
      hiddenTypes: [...this.hiddenTypes],
      path: this.path?.query,
      at: this.at ?? undefined,
    };
  }
}
