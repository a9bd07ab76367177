/**
 * The legend, which is also the filter: one checkbox per schema and per relationship type on the canvas (with
 * counts); unticking hides them. Shows the sanctioned marker and edge conventions.
 */
import { DELISTED_COLOR, SANCTIONED_COLOR, schemaIconSvg, schemaStyle } from "../graph/schema-style.ts";
import { h, svg } from "./dom.ts";

export interface LegendInput {
  schemata: Map<string, number>;
  types: Map<string, number>;
  sanctioned: number;
  delisted: number;
  ended: number;
  hiddenSchemata: ReadonlySet<string>;
  hiddenTypes: ReadonlySet<string>;
  typeLabel(type: string): string;
}

export class Legend {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;

  constructor(private readonly onToggle: (kind: "schema" | "type", name: string, visible: boolean) => void) {
    this.body = h("div", { class: "legend-body" });
    this.element = h("details", { class: "legend", open: true }, h("summary", {}, "Legend & filters"), this.body);
  }

  render(input: LegendInput): void {
    const schemata = [...input.schemata].sort((a, b) => b[1] - a[1]);
    const types = [...input.types].sort((a, b) => b[1] - a[1]);
    this.body.replaceChildren(
      h(
        "fieldset",
        {},
        h("legend", {}, "Entities"),
        schemata.length
          ? schemata.map(([schema, count]) =>
              h(
                "label",
                { class: "legend-row" },
                h("input", {
                  type: "checkbox",
                  checked: !input.hiddenSchemata.has(schema),
                  onchange: (e: Event) => this.onToggle("schema", schema, (e.target as HTMLInputElement).checked),
                }),
                svg(schemaIconSvg(schema)),
                h("span", {}, schemaStyle(schema).label),
                h("span", { class: "count" }, String(count)),
              ),
            )
          : h("p", { class: "muted" }, "None on the canvas."),
        h(
          "div",
          { class: "legend-row static" },
          h("span", { class: "sanction-ring", style: `border-color:${SANCTIONED_COLOR}`, "aria-hidden": "true" }),
          h("span", {}, "Sanctioned (red ring)"),
          h("span", { class: "count" }, String(input.sanctioned)),
        ),
        h(
          "div",
          { class: "legend-row static" },
          h("span", { class: "sanction-ring delisted-ring", style: `border-color:${DELISTED_COLOR}`, "aria-hidden": "true" }),
          h("span", {}, "Delisted (grey dashed ring)"),
          h("span", { class: "count", "data-legend": "delisted" }, String(input.delisted)),
        ),
        h(
          "div",
          { class: "legend-row static" },
          h("span", { class: "more-marker", "aria-hidden": "true" }, "+3"),
          h("span", {}, "Links not loaded yet"),
        ),
      ),
      h(
        "fieldset",
        {},
        h("legend", {}, "Relationships (arrow: source → target)"),
        types.length
          ? types.map(([type, count]) =>
              h(
                "label",
                { class: "legend-row" },
                h("input", {
                  type: "checkbox",
                  checked: !input.hiddenTypes.has(type),
                  onchange: (e: Event) => this.onToggle("type", type, (e.target as HTMLInputElement).checked),
                }),
                h("span", { class: `edge-swatch type-${type}`, "aria-hidden": "true" }),
                h("span", {}, input.typeLabel(type)),
                h("span", { class: "count" }, String(count)),
              ),
            )
          : h("p", { class: "muted" }, "None on the canvas."),
        h(
          "div",
          { class: "legend-row static" },
          h("span", { class: "edge-swatch ended-swatch", "aria-hidden": "true" }),
          h("span", {}, "Ended (dotted, faded)"),
          h("span", { class: "count", "data-legend": "ended" }, String(input.ended)),
        ),
      ),
    );
  }
}
