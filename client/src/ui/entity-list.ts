/** An accessible list of what is on the canvas (keyboard and screen-reader access to the graph). */

import { schemaIconSvg, schemaStyle } from "../graph/schema-style.ts";
import type { CanvasModel } from "../model/canvas-model.ts";
import { h, svg } from "./dom.ts";

export class EntityList {
  readonly element: HTMLElement;
  private readonly filter: HTMLInputElement;
  private readonly list: HTMLElement;
  private model: CanvasModel | null = null;

  constructor(private readonly onSelect: (id: string) => void) {
    this.filter = h("input", { type: "search", id: "entity-filter", placeholder: "Filter by name…", oninput: () => this.draw() });
    this.list = h("ul", { class: "entity-list" });
    this.element = h(
      "div",
      { class: "entity-list-panel" },
      h("label", { for: "entity-filter", class: "sr-only" }, "Filter entities on the canvas"),
      this.filter,
      this.list,
    );
  }

  render(model: CanvasModel): void {
    this.model = model;
    this.draw();
  }

  private draw(): void {
    if (!this.model) return;
    const q = this.filter.value.trim().toLowerCase();
    const hidden = this.model.hiddenCounts();
    const entities = [...this.model.entities.values()]
      .filter((e) => !q || e.name.toLowerCase().includes(q))
      .sort((a, b) => a.name.localeCompare(b.name));
    this.list.replaceChildren(
      ...entities.map((e) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "entity-row", onclick: () => this.onSelect(e.id) },
            svg(schemaIconSvg(e.schema, { sanctioned: e.sanctioned, size: 16 })),
            h("span", { class: "entity-name" }, e.name),
            h(
              "span",
              { class: "muted" },
              `${schemaStyle(e.schema).label}${e.sanctioned ? " · sanctioned" : ""}${hidden.get(e.id) ? ` · +${hidden.get(e.id)} links` : ""}`,
            ),
          ),
        ),
      ),
    );
    if (!entities.length) this.list.append(h("li", { class: "muted" }, q ? "No entity on the canvas matches." : "The canvas is empty."));
  }
}
