/** Keyboard use: `/` focuses search anywhere; on the canvas, arrows move the selection and keys act on it. */
import type { CanvasView } from "../graph/canvas-view.ts";
import type { ViewSession } from "../model/view-session.ts";
import type { ContextMenu } from "../ui/context-menu.ts";
import type { CanvasMenus } from "./canvas-menus.ts";
import type { CanvasCommands } from "./commands.ts";

export interface KeyboardDeps {
  session: ViewSession;
  view: CanvasView;
  menu: ContextMenu;
  menus: CanvasMenus;
  commands: CanvasCommands;
  focusSearch(): void;
  /** Says something to screen readers. */
  announce(text: string): void;
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function bindKeys(canvas: HTMLElement, { session, view, menu, menus, commands, focusSearch, announce }: KeyboardDeps): void {
  document.addEventListener("keydown", (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
    if (e.key === "/" && !typing) {
      e.preventDefault();
      focusSearch();
    } else if (e.key === "Escape" && menu.isOpen) {
      menu.close();
    }
  });
  canvas.addEventListener("keydown", (e) => {
    const node = view.selectedNode();
    if (ARROWS[e.key]) {
      e.preventDefault();
      const id = view.moveSelection(...ARROWS[e.key]);
      if (id) announce(session.model.entities.get(id)?.name ?? id);
    } else if (e.key === "Enter" && node) {
      e.preventDefault();
      menus.openExpandMenu(node.id());
    } else if ((e.key === "Delete" || e.key === "Backspace") && node) {
      e.preventDefault();
      commands.remove([node.id()]);
    } else if (e.key === "c" && node) {
      commands.collapse(node.id());
    } else if (e.key === "f") {
      view.fit();
    } else if (e.key === "+" || e.key === "=") {
      view.zoomBy(1.25);
    } else if (e.key === "-") {
      view.zoomBy(0.8);
    } else if ((e.key === "F10" && e.shiftKey) || e.key === "ContextMenu") {
      e.preventDefault();
      const box = canvas.getBoundingClientRect();
      const pos = node ? view.pagePosition(node) : { x: box.left + 40, y: box.top + 40 };
      menus.open(view.selected() ?? { kind: "canvas", id: "" }, pos);
    } else if (e.key === "Escape") {
      commands.deselect();
    }
  });
}
