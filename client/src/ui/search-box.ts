/**
 * Fuzzy autocomplete over the API's `search` (an ARIA 1.2 combobox): each option shows the schema's icon, the name,
 * the countries, the alias that matched (the API's `matchedName`, when not the name) and a sanctioned badge. Used for the main search and for the path finder's pickers.
 */
import { describeError } from "../api/client.ts";
import type { SanctionsApi } from "../api/queries.ts";
import type { EntitySummary, SearchEdge } from "../api/types.ts";
import { schemaIconSvg, schemaStyle } from "../graph/schema-style.ts";
import { datasetBadge } from "./dataset-badge.ts";
import { countryName, debounce, h, svg } from "./dom.ts";

export interface SearchBoxOptions {
  api: SanctionsApi;
  label: string;
  placeholder: string;
  onPick(entity: EntitySummary): void;
  /** Keep the picked name in the input (pickers) rather than clearing it (main search). */
  keepValue?: boolean;
  id: string;
}

let counter = 0;

export class SearchBox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly listbox: HTMLUListElement;
  private readonly message: HTMLElement;
  private results: SearchEdge[] = [];
  private active = -1;
  private controller: AbortController | null = null;
  private lastQuery = "";

  constructor(private readonly options: SearchBoxOptions) {
    const listId = `${options.id}-listbox-${++counter}`;
    this.input = h("input", {
      id: options.id,
      type: "search",
      class: "search-input",
      role: "combobox",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: options.placeholder,
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": listId,
    });
    this.listbox = h("ul", {
      id: listId,
      role: "listbox",
      class: "search-results",
      "aria-label": `${options.label} results`,
      hidden: true,
    });
    this.message = h("div", { class: "search-message", role: "status", hidden: true });
    this.element = h(
      "div",
      { class: "search-box" },
      h("label", { for: options.id, class: "sr-only" }, options.label),
      this.input,
      h("div", { class: "search-popup" }, this.message, this.listbox),
    );
    const run = debounce(() => void this.search(), 180);
    this.input.addEventListener("input", () => {
      if (this.input.value.trim().length < 2) {
        this.close();
        return;
      }
      run();
    });
    this.input.addEventListener("keydown", (e) => this.onKey(e));
    this.input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    this.input.addEventListener("focus", () => {
      if (this.results.length && this.input.value.trim() === this.lastQuery) this.open();
    });
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  setValue(text: string): void {
    this.input.value = text;
  }

  async search(): Promise<void> {
    const query = this.input.value.trim();
    if (query.length < 2) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.lastQuery = query;
    this.showMessage("Searching…");
    try {
      const result = await this.options.api.search(query, { first: 8 }, controller.signal);
      if (controller.signal.aborted) return;
      this.results = result.edges;
      this.active = this.results.length ? 0 : -1;
      this.render();
      if (!this.results.length) this.showMessage(`No entity matches “${query}”.`);
      else
        this.showMessage(
          result.totalCount > this.results.length
            ? `${this.results.length} of ${result.totalCount} matches`
            : `${result.totalCount} match${result.totalCount === 1 ? "" : "es"}`,
          true,
        );
    } catch (error) {
      if (controller.signal.aborted) return;
      const { title, code } = describeError(error);
      this.results = [];
      this.render();
      this.showMessage(`Search failed: ${title} (${code}).`, false, () => void this.search());
    }
  }

  private showMessage(text: string, quiet = false, retry?: () => void): void {
    this.message.replaceChildren(text);
    if (retry)
      this.message.append(
        " ",
        h("button", { type: "button", class: "link", onmousedown: (e: Event) => e.preventDefault(), onclick: retry }, "Retry"),
      );
    this.message.hidden = false;
    this.message.classList.toggle("quiet", quiet);
    this.open();
  }

  private render(): void {
    this.listbox.replaceChildren(
      ...this.results.map((edge, i) => {
        const e = edge.node;
        const alias = edge.matchedName !== e.name ? edge.matchedName : null;
        const option = h(
          "li",
          {
            id: `${this.listbox.id}-opt-${i}`,
            role: "option",
            class: "search-option",
            "aria-selected": i === this.active ? "true" : "false",
            "data-id": e.id,
            onmousedown: (ev: Event) => ev.preventDefault(),
            onclick: () => this.pick(i),
          },
          svg(schemaIconSvg(e.schema, { sanctioned: e.sanctioned })),
          h(
            "span",
            { class: "option-text" },
            h("span", { class: "option-name" }, e.name),
            h(
              "span",
              { class: "option-meta" },
              [schemaStyle(e.schema).label, ...e.countries.slice(0, 3).map(countryName)].join(" · "),
              alias ? ` · aka ${alias}` : "",
            ),
          ),
          datasetBadge([...e.datasets, ...edge.sameAs.flatMap((s) => s.datasets)]),
          e.sanctioned ? h("span", { class: "badge sanctioned" }, "Sanctioned") : null,
        );
        return option;
      }),
    );
    this.listbox.hidden = this.results.length === 0;
    this.updateActive();
  }

  private updateActive(): void {
    const options = this.listbox.querySelectorAll<HTMLElement>("[role=option]");
    options.forEach((o, i) => {
      o.setAttribute("aria-selected", i === this.active ? "true" : "false");
    });
    const current = options[this.active];
    if (current) {
      this.input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    } else this.input.removeAttribute("aria-activedescendant");
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!this.results.length) return;
      e.preventDefault();
      this.open();
      const n = this.results.length;
      this.active = (this.active + (e.key === "ArrowDown" ? 1 : -1) + n) % n;
      this.updateActive();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (this.active >= 0 && this.results.length && this.input.value.trim() === this.lastQuery) this.pick(this.active);
      else void this.search();
    } else if (e.key === "Escape") {
      if (this.isOpen) {
        e.stopPropagation();
        this.close();
      } else this.input.blur();
    }
  }

  private pick(i: number): void {
    const edge = this.results[i];
    if (!edge) return;
    this.close();
    this.input.value = this.options.keepValue ? edge.node.name : "";
    if (!this.options.keepValue) {
      this.results = [];
      this.lastQuery = "";
    }
    this.options.onPick(edge.node);
  }

  private get isOpen(): boolean {
    return this.input.getAttribute("aria-expanded") === "true";
  }

  private open(): void {
    this.input.setAttribute("aria-expanded", "true");
    this.element.classList.add("open");
  }

  close(): void {
    this.input.setAttribute("aria-expanded", "false");
    this.element.classList.remove("open");
  }
}
