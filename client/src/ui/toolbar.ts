/** The canvas toolbar: layout, fit and zoom, exports, share link, start over. */
import { LAYOUTS } from "../layouts/index.ts";
import { LAYOUT_NAMES, type LayoutName } from "../model/url-state.ts";
import { h } from "./dom.ts";

export interface ToolbarActions {
  layout(name: LayoutName): void;
  fit(): void;
  zoom(factor: number): void;
  exportPng(): void;
  exportJson(): void;
  copyLink(): void;
  reset(): void;
  clear(): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly layoutSelect: HTMLSelectElement;

  constructor(actions: ToolbarActions) {
    this.layoutSelect = h(
      "select",
      { id: "layout-select", title: "Layout", onchange: () => actions.layout(this.layoutSelect.value as LayoutName) },
      LAYOUT_NAMES.map((name) => h("option", { value: name, title: LAYOUTS[name].description }, LAYOUTS[name].label)),
    );
    const button = (label: string, text: string, onclick: () => void, shortcut?: string) =>
      h(
        "button",
        {
          type: "button",
          class: "tool",
          "aria-label": label,
          title: shortcut ? `${label} (${shortcut})` : label,
          onclick,
          "aria-keyshortcuts": shortcut,
        },
        text,
      );
    this.element = h(
      "div",
      { class: "toolbar", role: "toolbar", "aria-label": "Canvas tools" },
      h("label", { for: "layout-select", class: "tool-label" }, "Layout"),
      this.layoutSelect,
      h("span", { class: "tool-sep", "aria-hidden": "true" }),
      button("Fit the graph to the screen", "Fit", actions.fit, "F"),
      button("Zoom in", "+", () => actions.zoom(1.25), "+"),
      button("Zoom out", "−", () => actions.zoom(0.8), "-"),
      h("span", { class: "tool-sep", "aria-hidden": "true" }),
      button("Export the view as PNG", "PNG", actions.exportPng),
      button("Export the view as JSON", "JSON", actions.exportJson),
      button("Copy a link to this view", "Share", actions.copyLink),
      h("span", { class: "tool-sep", "aria-hidden": "true" }),
      button("Reopen the Department 53 network", "Start", actions.reset),
      button("Clear the canvas", "Clear", actions.clear),
    );
  }

  setLayout(name: LayoutName): void {
    this.layoutSelect.value = name;
  }
}
