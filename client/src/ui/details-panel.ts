/**
 * The details panel: for an entity, its names and aliases, identifiers, countries, sanctions (authority, program,
 * dates) and sources with links, its relationship counts and the parties its records name that could not be
 * resolved (with their candidates); for a relationship, its type, role, dates and sources.
 */
import { describeError } from "../api/client.ts";
import type { SanctionsApi } from "../api/queries.ts";
import type { Direction, EntityDetails, EntitySummary, Mention, Property, Relationship, Sanction, Source } from "../api/types.ts";
import { schemaIconSvg, schemaStyle } from "../graph/schema-style.ts";
import { countryName, externalLink, h, svg } from "./dom.ts";
import { timelineSection } from "./timeline.ts";

export interface DetailsActions {
  expand(id: string, types: string[], direction: Direction): void;
  openExpandMenu(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  collapse(id: string): void;
  remove(id: string): void;
  select(id: string): void;
  /** Puts an entity on the canvas (if it is not there) and selects it. */
  open(entity: EntitySummary): void;
  entityName(id: string): string;
  relationshipTypeLabel(type: string): string;
}

const IDENTIFIER_LABELS: Record<string, string> = {
  birthDate: "Date of birth",
  birthPlace: "Place of birth",
  passportNumber: "Passport",
  idNumber: "ID number",
  registrationNumber: "Registration no.",
  taxNumber: "Tax no.",
  imoNumber: "IMO number",
  mmsi: "MMSI",
  swiftBic: "SWIFT/BIC",
  nationality: "Nationality",
};

function humanise(name: string): string {
  return IDENTIFIER_LABELS[name] ?? name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
}

function section(title: string, ...content: (Node | null | false | undefined)[]): HTMLElement {
  return h("section", { class: "detail-section" }, h("h3", {}, title), ...content);
}

function dateRange(start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  return `${start ?? "?"} – ${end ?? "present"}`;
}

function sourceList(sources: Source[], testId?: string): HTMLElement {
  if (!sources.length) return h("p", { class: "muted" }, "No source given.");
  return h(
    "ul",
    { class: "sources", "data-testid": testId },
    sources.map((s) =>
      h(
        "li",
        { class: "source" },
        h("div", { class: "source-title" }, externalLink(s.url, s.title)),
        h("div", { class: "source-meta" }, [s.publisher, s.date, s.recordId ? `record ${s.recordId}` : null].filter(Boolean).join(" · ")),
        s.excerpt ? h("blockquote", {}, s.excerpt) : null,
      ),
    ),
  );
}

function definitionList(rows: [string, Node | string | null | undefined][]): HTMLElement {
  return h(
    "dl",
    { class: "facts" },
    rows
      .filter(([, v]) => v !== null && v !== undefined && v !== "")
      .flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v as Node | string)]),
  );
}

function sanctionCard(s: Sanction): HTMLElement {
  return h(
    "li",
    { class: `sanction ${s.active ? "active" : "ended"}` },
    h(
      "div",
      { class: "sanction-head" },
      h("strong", {}, s.program ?? "Sanction"),
      h("span", { class: `badge ${s.active ? "sanctioned" : ""}` }, s.active ? "Active" : "Ended"),
    ),
    definitionList([
      ["Authority", s.authority],
      ["Program", [s.program, s.programId].filter(Boolean).join(" · ") || null],
      ["Listed", s.listingDate],
      ["In force", dateRange(s.startDate, s.endDate)],
      ["Status", s.status],
      ["Reason", s.reason],
      ["Provisions", s.provisions],
      ["Link", s.sourceUrl ? externalLink(s.sourceUrl, "Designation") : null],
    ]),
    s.sources.length ? h("details", {}, h("summary", {}, `Sources (${s.sources.length})`), sourceList(s.sources)) : null,
  );
}

function propertiesTable(properties: Property[], skip: Set<string>): HTMLElement | null {
  const rows = properties.filter((p) => !skip.has(p.name) && p.values.length);
  if (!rows.length) return null;
  return h(
    "details",
    { class: "all-properties" },
    h("summary", {}, `All properties (${rows.length})`),
    definitionList(rows.map((p) => [humanise(p.name), p.values.join("; ")])),
  );
}

function entityButton(entity: EntitySummary, actions: DetailsActions): HTMLElement {
  return h(
    "button",
    { type: "button", class: "link", title: "Put it on the canvas and show its details", onclick: () => actions.open(entity) },
    `${entity.name} (${entity.id})`,
  );
}

/** A party this entity's record names that we could not resolve: why, the candidates, and the record that says so. */
function mentionItem(m: Mention, actions: DetailsActions): HTMLElement {
  const why =
    m.status === "AMBIGUOUS"
      ? `several records carry this name and nothing in the record singles one out. Candidates (${m.candidates.length}):`
      : "no record we hold carries this name.";
  return h(
    "li",
    { class: `mention ${m.status.toLowerCase()}`, "data-mention-id": m.id },
    h("p", {}, "This record names ", h("strong", {}, m.name), ` (${m.role}), a party we could not resolve: ${why}`),
    m.candidates.length
      ? h(
          "ul",
          { class: "candidates" },
          m.candidates.map((c) => h("li", {}, entityButton(c, actions))),
        )
      : null,
    sourceList(m.sources),
  );
}

/** An ambiguous mention elsewhere that lists this entity among its candidates. */
function candidateItem(m: Mention, actions: DetailsActions): HTMLElement {
  return h(
    "li",
    { class: "mention candidate-in", "data-mention-id": m.id },
    h(
      "p",
      {},
      entityButton(m.mentionedBy, actions),
      ` names `,
      h("strong", {}, m.name),
      ` (${m.role}); this entity is one of ${m.candidates.length} candidates, so no relationship was drawn.`,
    ),
    sourceList(m.sources),
  );
}

export class DetailsPanel {
  readonly element: HTMLElement;
  private request = 0;

  constructor(
    private readonly api: SanctionsApi,
    private readonly actions: DetailsActions,
  ) {
    this.element = h("div", { class: "details-panel", "aria-live": "polite" });
    this.showHint();
  }

  showHint(): void {
    this.request++;
    this.element.replaceChildren(
      h(
        "div",
        { class: "panel-hint" },
        h("p", {}, "Select an entity or a relationship on the canvas to read its details and sources."),
        h("p", { class: "muted" }, "Double-click an entity to expand it; right-click for more actions."),
      ),
    );
  }

  async showEntity(id: string): Promise<void> {
    const request = ++this.request;
    this.element.replaceChildren(
      h("div", { class: "panel-loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), "Loading details…"),
    );
    try {
      const entity = await this.api.entity(id);
      if (request !== this.request) return;
      if (!entity) {
        this.element.replaceChildren(h("div", { class: "panel-error", role: "alert" }, h("p", {}, `No entity with id ${id}.`)));
        return;
      }
      this.element.replaceChildren(this.renderEntity(entity));
    } catch (error) {
      if (request !== this.request) return;
      const { title, detail, code } = describeError(error);
      this.element.replaceChildren(
        h(
          "div",
          { class: "panel-error", role: "alert" },
          h("p", {}, h("strong", {}, title)),
          h("p", {}, detail),
          h("p", { class: "muted" }, `Code: ${code}`),
          h("button", { type: "button", onclick: () => void this.showEntity(id) }, "Retry"),
        ),
      );
    }
  }

  private renderEntity(e: EntityDetails): HTMLElement {
    const a = this.actions;
    const style = schemaStyle(e.schema);
    const identifierNames = new Set(e.identifiers.map((i) => i.type));
    const counts = [...e.relationshipCounts].sort((x, y) => y.count - x.count);
    const total = counts.reduce((s, c) => s + c.count, 0);
    return h(
      "article",
      { class: "entity-details", "data-entity-id": e.id },
      h(
        "header",
        { class: "details-header" },
        svg(schemaIconSvg(e.schema, { sanctioned: e.sanctioned, size: 28 })),
        h("div", {}, h("h2", { id: "details-title" }, e.name), h("div", { class: "muted" }, `${style.label} · ${e.id}`)),
      ),
      e.sanctioned ? h("div", { class: "sanctioned-banner" }, "Sanctioned") : null,
      // Analyst facts are told apart from list facts (dataset `analyst`).
      e.datasets.includes("analyst")
        ? h(
            "p",
            { class: "analyst-badge", "data-testid": "analyst-badge" },
            e.datasets.length === 1
              ? "Created by an analyst, on no list: check its sources."
              : "An analyst added to this list entity: check its sources.",
          )
        : null,
      h(
        "div",
        { class: "details-actions" },
        h("button", { type: "button", onclick: () => a.openExpandMenu(e.id) }, "Expand…"),
        h("button", { type: "button", onclick: () => a.pathFrom(e.id) }, "Path from"),
        h("button", { type: "button", onclick: () => a.pathTo(e.id) }, "Path to"),
        h("button", { type: "button", onclick: () => a.collapse(e.id) }, "Collapse"),
        h("button", { type: "button", class: "danger", onclick: () => a.remove(e.id) }, "Remove"),
      ),
      e.aliases.length
        ? section(
            "Also known as",
            h(
              "ul",
              { class: "aliases" },
              e.aliases.map((n) => h("li", {}, n)),
            ),
          )
        : null,
      e.countries.length
        ? section("Countries", h("p", {}, e.countries.map((c) => `${countryName(c)} (${c.toUpperCase()})`).join(", ")))
        : null,
      e.identifiers.length ? section("Identifiers", definitionList(e.identifiers.map((i) => [humanise(i.type), i.value]))) : null,
      e.sanctions.length
        ? section(`Sanctions (${e.sanctions.length})`, h("ul", { class: "sanctions" }, e.sanctions.map(sanctionCard)))
        : null,
      timelineSection(this.api, e.id),
      section(
        `Relationships (${total})`,
        counts.length
          ? h(
              "ul",
              { class: "rel-counts" },
              counts.map((c) =>
                h(
                  "li",
                  {},
                  h(
                    "button",
                    {
                      type: "button",
                      class: "link",
                      onclick: () => a.expand(e.id, [c.type], c.direction),
                      title: `Load these onto the canvas`,
                    },
                    `${c.direction === "OUTGOING" ? a.relationshipTypeLabel(c.type) : `← ${a.relationshipTypeLabel(c.type)}`}`,
                  ),
                  h("span", { class: "count" }, String(c.count)),
                ),
              ),
            )
          : h("p", { class: "muted" }, "None."),
      ),
      e.mentions.length
        ? section(
            `Unresolved parties (${e.mentions.length})`,
            h(
              "ul",
              { class: "mentions", "data-testid": "mentions" },
              e.mentions.map((m) => mentionItem(m, a)),
            ),
          )
        : null,
      e.candidateIn.length
        ? section(
            `Possibly named by (${e.candidateIn.length})`,
            h(
              "ul",
              { class: "mentions", "data-testid": "candidate-in" },
              e.candidateIn.map((m) => candidateItem(m, a)),
            ),
          )
        : null,
      e.topics.length ? section("Topics", h("p", {}, e.topics.join(", "))) : null,
      section(`Sources (${e.sources.length})`, sourceList(e.sources, "entity-sources")),
      propertiesTable(e.properties, new Set(["name", "alias", "country", "topics", ...identifierNames])),
    );
  }

  showRelationship(r: Relationship): void {
    this.request++;
    const a = this.actions;
    const endButton = (id: string) => h("button", { type: "button", class: "link", onclick: () => a.select(id) }, a.entityName(id));
    this.element.replaceChildren(
      h(
        "article",
        { class: "relationship-details", "data-relationship-id": r.id },
        h(
          "header",
          { class: "details-header" },
          h("div", {}, h("h2", { id: "details-title" }, r.label), h("div", { class: "muted" }, `${r.type} · ${r.id}`)),
        ),
        r.analyst &&
          h("p", { class: "analyst-badge", "data-testid": "analyst-badge" }, "Added by an analyst, not by a list: check its sources."),
        h("p", { class: "statement" }, endButton(r.source.id), ` ${r.label} `, endButton(r.target.id)),
        definitionList([
          ["Role", r.role],
          ["Dates", dateRange(r.startDate, r.endDate)],
          ...r.properties.filter((p) => p.values.length).map((p): [string, string] => [humanise(p.name), p.values.join("; ")]),
        ]),
        section(`Sources (${r.sources.length})`, sourceList(r.sources, "edge-sources")),
      ),
    );
  }
}
