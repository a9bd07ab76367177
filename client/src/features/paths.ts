/**
 * Paths on the canvas: the path finder's query run and its paths added, highlighted and fitted; paths from the
 * exposure tab drawn the same way (ownership structures in the layered layout); an entity on the canvas put into the
 * path finder's form. The paths found live in the session.
 */
import type { SanctionsApi } from "../api/queries.ts";
import type { Path, PathQuery } from "../api/types.ts";
import type { CanvasView } from "../graph/canvas-view.ts";
import { pathElementIds } from "../graph/elements.ts";
import type { CanvasModel } from "../model/canvas-model.ts";
import { pathSummary } from "../model/path-text.ts";
import type { LayoutName } from "../model/url-state.ts";
import type { ViewSession } from "../model/view-session.ts";
import type { PathFinder } from "../ui/path-finder.ts";

export interface PathCanvas {
  session: ViewSession;
  view: CanvasView;
  api: SanctionsApi;
  /** Redraws the canvas from the model (laying out what was added). */
  render(options: { layout?: boolean; incremental?: boolean }): Promise<void>;
  relayout(name: LayoutName): Promise<void>;
  announce(text: string): void;
}

export class PathSession {
  constructor(private readonly canvas: PathCanvas) {}

  /** Runs the path finder's query: its paths go on the canvas, highlighted, and into the session. */
  async run(query: PathQuery): Promise<Path[]> {
    const { session, view, api } = this.canvas;
    const paths = await api.paths(query);
    session.setPaths(query, paths);
    const added = this.add(paths);
    await this.canvas.render({ layout: added > 0, incremental: session.model.size > added });
    this.applyHighlight();
    const ids = pathElementIds(paths);
    if (ids.nodes.size) view.fit(ids.nodes);
    this.canvas.announce(paths.length ? `Found ${paths.length} path(s). ${pathSummary(paths[0])}` : "No path found.");
    return paths;
  }

  /** Paths from the exposure tab: added and `highlight` highlighted; no path query is kept. */
  async show(paths: Path[], { layered = false, highlight = paths }: { layered?: boolean; highlight?: Path[] } = {}): Promise<void> {
    const { session, view } = this.canvas;
    session.clearPath();
    const added = this.add(paths);
    await this.canvas.render({ layout: added > 0 && !layered, incremental: session.model.size > added });
    if (layered) await this.canvas.relayout("dagre");
    view.highlight(pathElementIds(highlight));
    const all = pathElementIds(paths);
    if (all.nodes.size) view.fit(all.nodes);
  }

  /** Highlights one of the paths found (null: all) and fits the canvas to it. */
  highlight(index: number | null): void {
    const path = this.canvas.session.path;
    if (!path) return;
    this.canvas.session.highlightPath(index);
    this.applyHighlight();
    this.canvas.view.fit(pathElementIds(index === null ? path.paths : [path.paths[index]]).nodes);
  }

  /** Draws the session's highlight on the canvas (after a redraw). */
  applyHighlight(): void {
    const path = this.canvas.session.path;
    if (!path) return;
    this.canvas.view.highlight(pathElementIds(path.highlighted === null ? path.paths : [path.paths[path.highlighted]]));
  }

  /** Forgets the paths and clears the highlight. */
  clear(): void {
    this.canvas.session.clearPath();
    this.canvas.view.highlight({ nodes: new Set(), edges: new Set() });
  }

  private add(paths: Path[]): number {
    let added = 0;
    for (const p of paths) added += this.canvas.session.model.addPath(p).length;
    return added;
  }
}

/** Puts an entity on the canvas into the path finder's form as its start, its end or one to avoid; false if not there. */
export function setPathEnd(
  finder: Pick<PathFinder, "from" | "to" | "query" | "setQuery">,
  model: CanvasModel,
  end: "from" | "to" | "avoid",
  id: string,
): boolean {
  const e = model.entities.get(id);
  if (!e) return false;
  if (end === "from") finder.from.set(e);
  else if (end === "to") finder.to.set(e);
  else {
    const q = finder.query();
    if (q) finder.setQuery({ ...q, avoid: [...new Set([...q.avoid, id])] }, model.entities);
  }
  return true;
}
