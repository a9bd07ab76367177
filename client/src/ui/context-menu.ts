/**
 * A floating menu (role=menu) for the canvas: node actions and the "expand by type" list with counts. Items can
 * arrive later (the counts are fetched first); arrow keys move, Enter picks, Escape closes and returns focus.
 */
import { describeError } from "../api/client.ts";
import { h } from "./dom.ts";

export type MenuItem =
  | { kind?: "item"; label: string; detail?: string; shortcut?: string; disabled?: boolean; onSelect: () => void; testId?: string }
  | { kind: "heading"; label: string }
  | { kind: "separator" };

export class ContextMenu {
  private element: HTMLElement | null = null;
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly host: HTMLElement) {
    document.addEventListener("mousedown", (e) => {
      if (this.element && !this.element.contains(e.target as Node)) this.close();
    });
    window.addEventListener("blur", () => this.close());
  }

  get isOpen(): boolean {
    return this.element !== null;
  }

  /** Opens at a page position; `items` may be a promise (a loading line shows meanwhile; a failure shows the error). */
  open(at: { x: number; y: number }, title: string, items: MenuItem[] | Promise<MenuItem[]>): void {
    this.close();
    this.returnFocus = document.activeElement as HTMLElement | null;
    const menu = h("div", { class: "context-menu", role: "menu", "aria-label": title, tabindex: "-1" });
    menu.addEventListener("keydown", (e) => this.onKey(e));
    menu.append(h("div", { class: "menu-title", "aria-hidden": "true" }, title));
    this.element = menu;
    this.host.append(menu);
    this.place(at);
    if (Array.isArray(items)) this.fill(items);
    else {
      menu.append(h("div", { class: "menu-note", role: "status" }, "Counting relationships…"));
      menu.focus();
      items.then(
        (loaded) => {
          if (this.element === menu) this.fill(loaded);
        },
        (error) => {
          if (this.element !== menu) return;
          const { title: t, code } = describeError(error);
          menu.querySelector(".menu-note")?.remove();
          menu.append(h("div", { class: "menu-note error", role: "alert" }, `${t} (${code})`));
        },
      );
    }
  }

  private fill(items: MenuItem[]): void {
    const menu = this.element;
    if (!menu) return;
    menu.querySelector(".menu-note")?.remove();
    for (const item of items) {
      if (item.kind === "separator") menu.append(h("div", { class: "menu-separator", role: "separator" }));
      else if (item.kind === "heading") menu.append(h("div", { class: "menu-heading", role: "presentation" }, item.label));
      else {
        menu.append(
          h(
            "button",
            {
              type: "button",
              role: "menuitem",
              class: "menu-item",
              tabindex: "-1",
              disabled: item.disabled,
              "data-testid": item.testId,
              onclick: () => {
                this.close();
                item.onSelect();
              },
            },
            h("span", { class: "menu-label" }, item.label),
            item.detail ? h("span", { class: "menu-detail" }, item.detail) : null,
            item.shortcut ? h("kbd", {}, item.shortcut) : null,
          ),
        );
      }
    }
    const rect = menu.getBoundingClientRect();
    this.place({ x: rect.left, y: rect.top });
    this.items()[0]?.focus();
  }

  private place(at: { x: number; y: number }): void {
    const menu = this.element;
    if (!menu) return;
    const { innerWidth: w, innerHeight: hgt } = window;
    const rect = menu.getBoundingClientRect();
    menu.style.left = `${Math.max(4, Math.min(at.x, w - rect.width - 8))}px`;
    menu.style.top = `${Math.max(4, Math.min(at.y, hgt - rect.height - 8))}px`;
  }

  private items(): HTMLButtonElement[] {
    return [...(this.element?.querySelectorAll<HTMLButtonElement>("button.menu-item:not(:disabled)") ?? [])];
  }

  private onKey(e: KeyboardEvent): void {
    const items = this.items();
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const n = items.length;
      if (n) items[(i + (e.key === "ArrowDown" ? 1 : -1) + n) % n].focus();
    } else if (e.key === "Home") {
      e.preventDefault();
      items[0]?.focus();
    } else if (e.key === "End") {
      e.preventDefault();
      items.at(-1)?.focus();
    } else if (e.key === "Escape" || e.key === "Tab") {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  }

  close(): void {
    if (!this.element) return;
    this.element.remove();
    this.element = null;
    this.returnFocus?.focus({ preventScroll: true });
    this.returnFocus = null;
  }
}
