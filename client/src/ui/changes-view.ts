/**
 * "What changed": the records a list added, delisted or amended between two days (`listChanges`), a page at a
 * time; each entity can be put on the canvas, or all of a page at once.
 */
import type { SanctionsApi } from "../api/queries.ts";
import type { EntitySummary } from "../api/types.ts";
import { isDay } from "../model/as-of.ts";
import { append, h } from "./dom.ts";

type Kind = "ADDED" | "REMOVED" | "AMENDED";
const KINDS: Kind[] = ["ADDED", "REMOVED", "AMENDED"];

export class ChangesView {
  readonly element: HTMLElement;
  private readonly dataset = h("input", { id: "changes-dataset", value: "us_ofac_sdn" });
  private readonly from = h("input", { id: "changes-from", type: "date" });
  private readonly to = h("input", { id: "changes-to", type: "date" });
  private readonly kinds = new Map(KINDS.map((k) => [k, h("input", { type: "checkbox", checked: true, value: k })]));
  private readonly results = h("div", { class: "changes-results", "aria-live": "polite" });
  private after: string | null = null;

  constructor(
    private readonly api: SanctionsApi,
    private readonly addToCanvas: (entities: EntitySummary[]) => void,
  ) {
    this.element = h(
      "div",
      { class: "changes-view" },
      h(
        "form",
        {
          class: "changes-form",
          onsubmit: (e: Event) => {
            e.preventDefault();
            this.after = null;
            void this.load();
          },
        },
        h("label", { for: "changes-dataset" }, "List (dataset)"),
        this.dataset,
        h("label", { for: "changes-from" }, "After"),
        this.from,
        h("label", { for: "changes-to" }, "Up to and including"),
        this.to,
        h(
          "div",
          { role: "group", "aria-label": "Kinds of change" },
          KINDS.map((k) => h("label", {}, this.kinds.get(k) as HTMLInputElement, ` ${k.toLowerCase()}`)),
        ),
        h("button", { type: "submit", id: "changes-run" }, "Show changes"),
      ),
      this.results,
    );
  }

  /** Proposes the last two snapshots of the history as the range. */
  setRange(dates: string[]): void {
    const sorted = [...new Set(dates)].sort();
    if (sorted.length >= 2) {
      this.from.value = sorted[sorted.length - 2];
      this.to.value = sorted[sorted.length - 1];
    }
  }

  private async load(): Promise<void> {
    if (!isDay(this.from.value) || !isDay(this.to.value)) {
      this.results.replaceChildren(h("p", { role: "alert" }, "Pick both days."));
      return;
    }
    const kinds = KINDS.filter((k) => this.kinds.get(k)?.checked);
    try {
      const page = await this.api.listChanges({
        dataset: this.dataset.value.trim(),
        from: this.from.value,
        to: this.to.value,
        kinds: kinds.length ? kinds : null,
        first: 50,
        after: this.after,
      });
      const entities = page.edges.map((e) => e.node.entity).filter((e): e is EntitySummary => !!e);
      this.results.replaceChildren();
      append(this.results, [
        h("p", { class: "changes-total" }, `${page.totalCount} change${page.totalCount === 1 ? "" : "s"}`),
        entities.length
          ? h("button", { type: "button", id: "changes-add-all", onclick: () => this.addToCanvas(entities) }, "Put these on the canvas")
          : null,
        h(
          "ul",
          { class: "changes-list" },
          page.edges.map(({ node }) =>
            h(
              "li",
              { class: `kind-${node.kind}`, "data-record": node.recordId },
              h("strong", {}, `${node.date} ${node.kind.toLowerCase()} `),
              node.entity
                ? h(
                    "button",
                    { type: "button", class: "link", onclick: () => node.entity && this.addToCanvas([node.entity]) },
                    node.entity.name,
                  )
                : `record ${node.recordId}`,
              node.fields.map((f) => h("div", { class: "field-change" }, `${f.field}: ${f.old ?? "—"} → ${f.new ?? "—"}`)),
            ),
          ),
        ),
        page.pageInfo.hasNextPage
          ? h(
              "button",
              {
                type: "button",
                onclick: () => {
                  this.after = page.pageInfo.endCursor;
                  void this.load();
                },
              },
              "Next page",
            )
          : null,
      ]);
    } catch (error) {
      this.results.replaceChildren(h("p", { role: "alert" }, `Could not load the changes: ${(error as Error).message}`));
    }
  }
}
