/** The canvas's menus: an entity's, a relationship's, a pager's and the canvas's own, and the expand menu. */
import type { Position } from "cytoscape";
import type { SanctionsApi } from "../api/queries.ts";
import type { Direction, TypeCount } from "../api/types.ts";
import type { CanvasView } from "../graph/canvas-view.ts";
import { type CanvasModel, totalCount } from "../model/canvas-model.ts";
import type { ViewSession } from "../model/view-session.ts";
import type { ContextMenu, MenuItem } from "../ui/context-menu.ts";
import { type CanvasCommands, PAGE_SIZE } from "./commands.ts";

export type MenuTarget = { kind: "entity" | "relationship" | "pager" | "canvas"; id: string };

/** The expand menu's items: every relationship type and direction with its count and how many the canvas shows. */
export function expandItems(
  model: CanvasModel,
  id: string,
  counts: TypeCount[],
  typeLabel: (type: string) => string,
  expand: (types: string[], direction: Direction) => void,
): MenuItem[] {
  const onCanvas = new Map<string, number>();
  for (const r of model.relationships.values()) {
    if (r.source.id === id) onCanvas.set(`${r.type}|OUTGOING`, (onCanvas.get(`${r.type}|OUTGOING`) ?? 0) + 1);
    if (r.target.id === id) onCanvas.set(`${r.type}|INCOMING`, (onCanvas.get(`${r.type}|INCOMING`) ?? 0) + 1);
  }
  const total = totalCount(counts);
  const shown = [...onCanvas.values()].reduce((a, b) => a + b, 0);
  if (!total) return [{ kind: "heading", label: "No relationships" }];
  const items: MenuItem[] = [
    {
      label: "All relationships",
      detail: `${total}${shown ? ` · ${shown} shown` : ""}`,
      disabled: shown >= total,
      onSelect: () => expand([], "ANY"),
      testId: "expand-all",
    },
    { kind: "separator" },
  ];
  for (const c of [...counts].sort((a, b) => b.count - a.count)) {
    const here = onCanvas.get(`${c.type}|${c.direction}`) ?? 0;
    const label = c.direction === "OUTGOING" ? `${typeLabel(c.type)} →` : `← ${typeLabel(c.type)}`;
    items.push({
      label,
      detail: `${c.count}${here ? ` · ${here} shown` : ""}`,
      disabled: here >= c.count,
      onSelect: () => expand([c.type], c.direction),
      testId: `expand-${c.type}-${c.direction}`,
    });
  }
  return items;
}

export class CanvasMenus {
  constructor(
    private readonly session: ViewSession,
    private readonly view: CanvasView,
    private readonly api: SanctionsApi,
    private readonly menu: ContextMenu,
    private readonly commands: CanvasCommands,
    private readonly typeLabel: (type: string) => string,
  ) {}

  openExpandMenu(id: string, at?: Position): void {
    const { model } = this.session;
    const node = this.view.cy.getElementById(id);
    const pos = at ?? (node.nonempty() && node.isNode() ? this.view.pagePosition(node) : { x: innerWidth / 2, y: innerHeight / 2 });
    const name = model.entities.get(id)?.name ?? id;
    const items = this.api
      .relationshipCounts(id)
      .then((e) =>
        expandItems(
          model,
          id,
          e?.relationshipCounts ?? [],
          this.typeLabel,
          (types, direction) => void this.commands.expand(id, types, direction),
        ),
      );
    this.menu.open(pos, `Expand ${name}`, items);
  }

  open(target: MenuTarget, at: Position): void {
    if (target.kind === "entity") this.entityMenu(target.id, at);
    else if (target.kind === "relationship") this.relationshipMenu(target.id, at);
    else if (target.kind === "pager") this.pagerMenu(target.id, at);
    else this.canvasMenu(at);
  }

  private entityMenu(id: string, at: Position): void {
    const c = this.commands;
    this.menu.open(at, this.session.model.entities.get(id)?.name ?? id, [
      { label: "Expand…", shortcut: "Enter", onSelect: () => this.openExpandMenu(id, at), testId: "menu-expand" },
      { label: "Collapse", detail: "remove its leaves", shortcut: "C", onSelect: () => c.collapse(id) },
      { label: "Remove", shortcut: "Del", onSelect: () => c.remove([id]) },
      { kind: "separator" },
      { label: "Path from here", onSelect: () => c.setPathEnd("from", id) },
      { label: "Path to here", onSelect: () => c.setPathEnd("to", id) },
      { label: "Avoid in paths", onSelect: () => c.setPathEnd("avoid", id) },
      { kind: "separator" },
      { label: "Add link from here", detail: "analyst", onSelect: () => c.linkFrom(id) },
      { label: "Centre its neighbourhood", detail: "concentric", onSelect: () => void this.view.layout("concentric", { focus: id }) },
      { label: "Details", onSelect: () => c.select(id) },
    ]);
  }

  private relationshipMenu(id: string, at: Position): void {
    const { model } = this.session;
    const r = model.relationships.get(id);
    if (!r) return;
    const c = this.commands;
    this.menu.open(at, this.typeLabel(r.type), [
      { label: "Details and sources", onSelect: () => c.select(r.id) },
      { label: "End or retract\u2026", detail: "analyst", onSelect: () => c.changeLink(r.id) },
      { label: `Select ${model.entities.get(r.source.id)?.name ?? "source"}`, onSelect: () => c.select(r.source.id) },
      { label: `Select ${model.entities.get(r.target.id)?.name ?? "target"}`, onSelect: () => c.select(r.target.id) },
    ]);
  }

  private pagerMenu(id: string, at: Position): void {
    const pager = this.session.model.pagers.get(id);
    if (!pager) return;
    this.menu.open(at, `${pager.remaining} more`, [
      { label: `Load ${Math.min(PAGE_SIZE, pager.remaining)} more`, onSelect: () => void this.commands.loadMore(pager.id) },
      { label: `Load up to 200`, onSelect: () => void this.commands.loadMore(pager.id, 200) },
      {
        label: "Dismiss",
        onSelect: () => {
          this.session.model.removePager(pager.id);
          this.commands.render();
        },
      },
    ]);
  }

  private canvasMenu(at: Position): void {
    this.menu.open(at, "Canvas", [
      { label: "Fit to screen", shortcut: "F", onSelect: () => this.view.fit() },
      { label: "Force-directed layout", onSelect: () => void this.commands.relayout("fcose") },
      { label: "Hierarchical layout", onSelect: () => void this.commands.relayout("dagre") },
      { label: "Concentric layout", onSelect: () => void this.commands.relayout("concentric") },
      { kind: "separator" },
      { label: "Clear path highlight", disabled: !this.session.path, onSelect: () => this.commands.clearPath() },
    ]);
  }
}
