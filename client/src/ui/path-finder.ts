/**
 * The path finder: two entities (from search or the canvas), max hops, how many paths, relationship types, direction
 * and entities to avoid; lists each path hop by hop with the role and the sources of every hop.
 */
import { describeError } from "../api/client.ts";
import type { SanctionsApi } from "../api/queries.ts";
import type { Direction, EntitySummary, Limits, Path, PathQuery, RelationshipTypeInfo, Source } from "../api/types.ts";
import { schemaIconSvg } from "../graph/schema-style.ts";
import { boundPathQuery, pathBounds } from "../model/path-bounds.ts";
import { pathText, sourceLabel } from "../model/path-text.ts";
import { DEFAULT_PATH_QUERY } from "../model/url-state.ts";
import { externalLink, h, svg } from "./dom.ts";
import { SearchBox } from "./search-box.ts";

export interface PathFinderActions {
  run(query: PathQuery): Promise<Path[]>;
  /** Highlight one path (index) or all (null). */
  highlight(index: number | null): void;
  selectRelationship(id: string): void;
  selectEntity(id: string): void;
  selectedEntity(): EntitySummary | null;
  clear(): void;
}

interface Pick {
  id: string;
  name: string;
  schema: string;
  sanctioned: boolean;
}

class EntityPicker {
  readonly element: HTMLElement;
  value: Pick | null = null;
  private readonly chip: HTMLElement;
  readonly search: SearchBox;

  constructor(
    api: SanctionsApi,
    id: string,
    label: string,
    private readonly selected: () => EntitySummary | null,
    private readonly onChange: () => void,
  ) {
    this.search = new SearchBox({
      api,
      id,
      label,
      placeholder: `Search ${label.toLowerCase()}…`,
      keepValue: true,
      onPick: (e) => this.set(e),
    });
    this.chip = h("div", { class: "picked", "aria-live": "polite" });
    this.element = h(
      "div",
      { class: "picker" },
      h(
        "div",
        { class: "picker-label" },
        h("span", {}, label),
        h(
          "button",
          { type: "button", class: "link", onclick: () => this.useSelected(), title: "Use the entity selected on the canvas" },
          "Use selected",
        ),
      ),
      this.search.element,
      this.chip,
    );
  }

  useSelected(): void {
    const e = this.selected();
    if (e) this.set(e);
  }

  set(e: Pick | null): void {
    this.value = e;
    this.search.setValue(e ? e.name : "");
    this.chip.replaceChildren(
      e ? h("span", { class: "chip" }, svg(schemaIconSvg(e.schema, { sanctioned: e.sanctioned, size: 14 })), e.name) : "",
    );
    this.onChange();
  }
}

export class PathFinder {
  readonly element: HTMLElement;
  readonly from: EntityPicker;
  readonly to: EntityPicker;
  private readonly avoidSearch: SearchBox;
  private readonly avoidList: HTMLElement;
  private avoid: Pick[] = [];
  private readonly hops: HTMLInputElement;
  private readonly k: HTMLInputElement;
  private readonly mode: HTMLSelectElement;
  private readonly direction: HTMLSelectElement;
  private readonly typesBox: HTMLElement;
  private readonly typesSummary: HTMLElement;
  private readonly results: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private paths: Path[] = [];
  /** The API's bounds (metadata.limits), once known. */
  private limits: Limits | null = null;

  constructor(
    api: SanctionsApi,
    private readonly actions: PathFinderActions,
  ) {
    const onChange = () => this.updateSubmit();
    this.from = new EntityPicker(api, "path-from", "From", actions.selectedEntity, onChange);
    this.to = new EntityPicker(api, "path-to", "To", actions.selectedEntity, onChange);
    this.avoidSearch = new SearchBox({
      api,
      id: "path-avoid",
      label: "Avoid",
      placeholder: "Entity to avoid…",
      onPick: (e) => this.addAvoid(e),
    });
    this.avoidList = h("ul", { class: "chips", "aria-label": "Entities to avoid" });
    // No max until the API's limits arrive (setMetadata); then each mode's own (see updateBounds).
    this.hops = h("input", { id: "path-hops", type: "number", min: 1, value: DEFAULT_PATH_QUERY.maxHops });
    this.k = h("input", { id: "path-k", type: "number", min: 1, value: DEFAULT_PATH_QUERY.k });
    this.mode = h(
      "select",
      { id: "path-mode", onchange: () => this.updateBounds() },
      h("option", { value: "shortest" }, "Shortest paths"),
      h("option", { value: "all" }, "All simple paths"),
    );
    this.direction = h(
      "select",
      { id: "path-direction" },
      h("option", { value: "ANY" }, "Either direction"),
      h("option", { value: "OUTGOING" }, "Follow arrows (from → to)"),
      h("option", { value: "INCOMING" }, "Against arrows"),
    );
    this.typesSummary = h("summary", {}, "Relationship types: all");
    this.typesBox = h("div", { class: "type-checks" });
    this.results = h("div", { class: "path-results", "aria-live": "polite" });
    this.submit = h("button", { type: "submit", class: "primary", disabled: true }, "Find paths");
    const form = h(
      "form",
      {
        class: "path-form",
        "aria-label": "Path finder",
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.find();
        },
      },
      this.from.element,
      h("button", { type: "button", class: "swap link", onclick: () => this.swap(), "aria-label": "Swap from and to" }, "⇅ swap"),
      this.to.element,
      h(
        "div",
        { class: "form-row" },
        h("label", { for: "path-hops" }, "Max hops", this.hops),
        h("label", { for: "path-k" }, "Paths", this.k),
        h("label", { for: "path-mode" }, "Find", this.mode),
      ),
      h("label", { for: "path-direction", class: "block" }, "Direction", this.direction),
      h("details", { class: "types" }, this.typesSummary, this.typesBox),
      h(
        "div",
        { class: "picker" },
        h(
          "div",
          { class: "picker-label" },
          h("span", {}, "Avoid"),
          h("button", { type: "button", class: "link", onclick: () => this.avoidSelected() }, "Add selected"),
        ),
        this.avoidSearch.element,
        this.avoidList,
      ),
      h("div", { class: "form-actions" }, this.submit, h("button", { type: "button", onclick: () => this.clear() }, "Clear")),
    );
    this.element = h("div", { class: "path-finder" }, form, this.results);
  }

  setMetadata(types: RelationshipTypeInfo[], limits: Limits): void {
    this.limits = limits;
    this.updateBounds();
    this.typesBox.replaceChildren(
      ...types
        .filter((t) => t.count > 0)
        .map((t) =>
          h(
            "label",
            { class: "check", title: t.description },
            h("input", { type: "checkbox", value: t.type, onchange: () => this.updateTypesSummary() }),
            `${t.label} `,
            h("span", { class: "muted" }, `(${t.type})`),
          ),
        ),
    );
  }

  /** The inputs' max follows the chosen mode's published bounds; a value above it comes down to it. */
  private updateBounds(): void {
    if (!this.limits) return;
    const max = pathBounds(this.limits, this.mode.value === "all" ? "all" : "shortest");
    for (const [input, top] of [
      [this.hops, max.maxHops],
      [this.k, max.k],
    ] as const) {
      input.max = String(top);
      if (Number.parseInt(input.value, 10) > top) input.value = String(top);
    }
  }

  private updateTypesSummary(): void {
    const n = this.selectedTypes().length;
    this.typesSummary.textContent = `Relationship types: ${n ? `${n} chosen` : "all"}`;
  }

  private selectedTypes(): string[] {
    return [...this.typesBox.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
  }

  private updateSubmit(): void {
    this.submit.disabled = !(this.from.value && this.to.value);
  }

  private swap(): void {
    const a = this.from.value;
    this.from.set(this.to.value);
    this.to.set(a);
  }

  private addAvoid(e: Pick): void {
    if (this.avoid.some((a) => a.id === e.id)) return;
    this.avoid.push(e);
    this.renderAvoid();
  }

  private avoidSelected(): void {
    const e = this.actions.selectedEntity();
    if (e) this.addAvoid(e);
  }

  private renderAvoid(): void {
    this.avoidList.replaceChildren(
      ...this.avoid.map((a) =>
        h(
          "li",
          { class: "chip" },
          a.name,
          h(
            "button",
            {
              type: "button",
              class: "chip-remove",
              "aria-label": `Stop avoiding ${a.name}`,
              onclick: () => {
                this.avoid = this.avoid.filter((x) => x.id !== a.id);
                this.renderAvoid();
              },
            },
            "×",
          ),
        ),
      ),
    );
  }

  query(): PathQuery | null {
    if (!this.from.value || !this.to.value) return null;
    const num = (input: HTMLInputElement, fallback: number) => {
      const n = Number.parseInt(input.value, 10);
      return Number.isFinite(n) ? Math.max(1, n) : fallback;
    };
    return {
      from: this.from.value.id,
      to: this.to.value.id,
      maxHops: num(this.hops, DEFAULT_PATH_QUERY.maxHops),
      k: num(this.k, DEFAULT_PATH_QUERY.k),
      mode: this.mode.value === "all" ? "all" : "shortest",
      relationshipTypes: this.selectedTypes(),
      direction: this.direction.value as Direction,
      avoid: this.avoid.map((a) => a.id),
    };
  }

  /** Fills the form from a saved query (names looked up by the caller). */
  setQuery(q: PathQuery, entities: Map<string, EntitySummary>): void {
    const pick = (id: string): Pick => entities.get(id) ?? { id, name: id, schema: "", sanctioned: false };
    this.from.set(pick(q.from));
    this.to.set(pick(q.to));
    this.hops.value = String(q.maxHops);
    this.k.value = String(q.k);
    this.mode.value = q.mode;
    this.updateBounds();
    this.direction.value = q.direction;
    for (const box of this.typesBox.querySelectorAll<HTMLInputElement>("input")) box.checked = q.relationshipTypes.includes(box.value);
    this.updateTypesSummary();
    this.avoid = q.avoid.map(pick);
    this.renderAvoid();
  }

  async find(asked = this.query()): Promise<void> {
    if (!asked) return;
    const query = this.limits ? boundPathQuery(asked, this.limits) : asked;
    this.submit.disabled = true;
    this.results.replaceChildren(
      h("div", { class: "panel-loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), "Finding paths…"),
    );
    try {
      this.paths = await this.actions.run(query);
      this.render(query);
    } catch (error) {
      const { title, detail, code } = describeError(error);
      this.results.replaceChildren(
        h(
          "div",
          { class: "panel-error", role: "alert" },
          h("p", {}, h("strong", {}, title)),
          h("p", {}, detail),
          h("p", { class: "muted" }, `Code: ${code}`),
          h("button", { type: "button", onclick: () => void this.find(query) }, "Retry"),
        ),
      );
    } finally {
      this.updateSubmit();
    }
  }

  private render(query: PathQuery): void {
    if (!this.paths.length) {
      this.results.replaceChildren(
        h(
          "div",
          { class: "panel-empty", role: "status" },
          h(
            "p",
            {},
            `No path within ${query.maxHops} hops${query.relationshipTypes.length ? " over the chosen relationship types" : ""}${query.avoid.length ? " that avoids the chosen entities" : ""}.`,
          ),
          h("p", { class: "muted" }, "Try more hops, all types or either direction."),
        ),
      );
      return;
    }
    const lengths = this.paths.map((p) => p.length);
    this.results.replaceChildren(
      h(
        "div",
        { class: "results-head" },
        h("strong", {}, `${this.paths.length} path${this.paths.length === 1 ? "" : "s"}`),
        h(
          "span",
          { class: "muted" },
          ` · ${Math.min(...lengths)}${Math.max(...lengths) > Math.min(...lengths) ? `–${Math.max(...lengths)}` : ""} hops`,
        ),
        this.paths.length > 1
          ? h("button", { type: "button", class: "link", onclick: () => this.actions.highlight(null) }, "Show all")
          : null,
      ),
      h(
        "ol",
        { class: "paths" },
        this.paths.map((p, i) => this.renderPath(p, i)),
      ),
    );
  }

  private renderPath(path: Path, index: number): HTMLElement {
    const hops = pathText(path);
    const schemaOf = new Map(path.nodes.map((n) => [n.id, n]));
    const entityButton = (id: string, name: string) => {
      const n = schemaOf.get(id);
      return h(
        "button",
        { type: "button", class: "link entity-link", onclick: () => this.actions.selectEntity(id) },
        n ? svg(schemaIconSvg(n.schema, { sanctioned: n.sanctioned, size: 14 })) : null,
        name,
      );
    };
    return h(
      "li",
      { class: "path", "data-testid": "path" },
      h(
        "div",
        { class: "path-head" },
        h(
          "button",
          { type: "button", class: "link", onclick: () => this.actions.highlight(index), "aria-label": `Highlight path ${index + 1}` },
          `Path ${index + 1}`,
        ),
        h("span", { class: "muted" }, ` · ${path.length} hop${path.length === 1 ? "" : "s"}`),
      ),
      h(
        "ol",
        { class: "hops" },
        hops.map((hop) =>
          h(
            "li",
            { class: "hop", "data-testid": "path-hop", "data-relationship-id": hop.relationshipId },
            h("div", { class: "hop-line" }, entityButton(hop.fromId, hop.fromName)),
            h(
              "div",
              { class: `hop-rel ${hop.forward ? "forward" : "backward"}` },
              h("span", { class: "arrow", "aria-hidden": "true" }, hop.forward ? "↓" : "↑"),
              h(
                "button",
                {
                  type: "button",
                  class: "link rel-link",
                  onclick: () => this.actions.selectRelationship(hop.relationshipId),
                  title: "Show this relationship and its sources",
                },
                hop.label,
              ),
              hop.role ? h("span", { class: "role" }, ` — role: ${hop.role}`) : null,
              h("span", { class: "sr-only" }, `: ${hop.sentence}`),
            ),
            this.renderSources(hop.sources),
            hop.index === hops.length - 1 ? h("div", { class: "hop-line" }, entityButton(hop.toId, hop.toName)) : null,
          ),
        ),
      ),
    );
  }

  private renderSources(sources: Source[]): HTMLElement {
    const item = (s: Source) => h("li", { "data-testid": "hop-source", title: s.excerpt ?? s.title }, externalLink(s.url, sourceLabel(s)));
    if (!sources.length) return h("ul", { class: "hop-sources", "aria-label": "Sources" }, h("li", { class: "warn" }, "No source given"));
    const shown = sources.slice(0, 2);
    const rest = sources.slice(2);
    return h(
      "ul",
      { class: "hop-sources", "aria-label": `Sources (${sources.length})` },
      shown.map(item),
      rest.length
        ? h(
            "li",
            {},
            h("details", {}, h("summary", {}, `${rest.length} more source${rest.length === 1 ? "" : "s"}`), h("ul", {}, rest.map(item))),
          )
        : null,
    );
  }

  clear(): void {
    this.paths = [];
    this.results.replaceChildren();
    this.actions.clear();
  }
}
