/** Accessible tabs (WAI-ARIA tabs pattern, automatic activation) for the side panel. */
import { h } from "./dom.ts";

export class Tabs<K extends string> {
  readonly element: HTMLElement;
  private readonly tabs = new Map<K, HTMLButtonElement>();
  private readonly panels = new Map<K, HTMLElement>();
  current: K;

  constructor(items: { key: K; label: string; content: HTMLElement }[]) {
    const list = h("div", { class: "tablist", role: "tablist", "aria-label": "Side panel" });
    this.element = h("div", { class: "tabs" }, list);
    this.current = items[0].key;
    for (const item of items) {
      const tab = h(
        "button",
        {
          type: "button",
          role: "tab",
          id: `tab-${item.key}`,
          "aria-controls": `panel-${item.key}`,
          class: "tab",
          onclick: () => this.show(item.key),
        },
        item.label,
      );
      tab.addEventListener("keydown", (e) => {
        const keys = items.map((i) => i.key);
        const i = keys.indexOf(item.key);
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          e.preventDefault();
          const next = keys[(i + (e.key === "ArrowRight" ? 1 : -1) + keys.length) % keys.length];
          this.show(next);
          this.tabs.get(next)?.focus();
        }
      });
      const panel = h(
        "div",
        { role: "tabpanel", id: `panel-${item.key}`, "aria-labelledby": `tab-${item.key}`, class: "tabpanel", tabindex: "0" },
        item.content,
      );
      this.tabs.set(item.key, tab);
      this.panels.set(item.key, panel);
      list.append(tab);
      this.element.append(panel);
    }
    this.show(this.current);
  }

  /** Changes a tab's label (e.g. to show a count). */
  setLabel(key: K, label: string): void {
    const tab = this.tabs.get(key);
    if (tab) tab.textContent = label;
  }

  show(key: K): void {
    this.current = key;
    for (const [k, tab] of this.tabs) {
      const on = k === key;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = this.panels.get(k);
      if (panel) panel.hidden = !on;
    }
  }
}
