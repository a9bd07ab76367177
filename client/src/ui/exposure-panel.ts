/**
 * The exposure tab: for the selected entity, the sanctioned parties within a few hops (grouped by distance, each
 * path shown on the canvas on demand) and the ownership rule's verdict with the owners level by level (shares,
 * dates, blocked owners marked) and the chains that carry blocked ownership.
 */
import { describeError } from "../api/client.ts";
import type { Exposure, ExposureApi, Ownership, OwnershipRule } from "../api/exposure.ts";
import type { EntitySummary, Path } from "../api/types.ts";
import {
  chainLinks,
  dateRange,
  ownershipLayers,
  ownershipPaths,
  partiesByDistance,
  shareText,
  VERDICT_LABEL,
} from "../model/exposure-view.ts";
import { pathSummary } from "../model/path-text.ts";
import { append, h } from "./dom.ts";

export interface ExposureActions {
  /** Adds paths to the canvas and highlights them (`layered`: a left-to-right hierarchical layout). */
  show(paths: Path[], options?: { layered?: boolean; highlight?: Path[] }): void;
  selectEntity(id: string): void;
}

const PAGE = 50;

function describeErrorText(error: unknown): string {
  const { title, detail } = describeError(error);
  return `${title}: ${detail}`;
}

function fill(out: HTMLElement, ...children: Parameters<typeof append>[1]): void {
  out.replaceChildren();
  append(out, children);
}

export class ExposurePanel {
  readonly element: HTMLElement;
  private entity: EntitySummary | null = null;
  private readonly title = h("h2", { id: "exposure-title", class: "exposure-title" }, "Exposure");
  private readonly hops = h(
    "select",
    { id: "exposure-hops", "aria-label": "Hops" },
    [1, 2, 3, 4].map((n) => h("option", { value: String(n), selected: n === 3 }, `${n} hop${n > 1 ? "s" : ""}`)),
  );
  private readonly date = h("input", { type: "date", id: "exposure-date", "aria-label": "As of date (today if empty)" });
  private readonly rule = h(
    "select",
    { id: "ownership-rule", "aria-label": "Ownership rule" },
    h("option", { value: "OFAC_50" }, "OFAC 50% rule"),
    h("option", { value: "EU_50" }, "EU/UK: >50% or control"),
  );
  private readonly exposureOut = h("div", { class: "exposure-result", "aria-live": "polite", "data-testid": "exposure-result" });
  private readonly ownershipOut = h("div", { class: "ownership-result", "aria-live": "polite", "data-testid": "ownership-result" });
  private readonly buttons: HTMLButtonElement[];
  private abort: AbortController | null = null;

  constructor(
    private readonly api: ExposureApi,
    private readonly actions: ExposureActions,
  ) {
    const checkExposure = h("button", { type: "button", class: "primary", onclick: () => void this.runExposure() }, "Check exposure");
    const checkOwnership = h("button", { type: "button", class: "primary", onclick: () => void this.runOwnership() }, "Check ownership");
    this.buttons = [checkExposure, checkOwnership];
    this.element = h(
      "div",
      { class: "exposure-panel" },
      this.title,
      h("p", { class: "muted" }, "Sanctioned parties near the selected entity, and whether blocked persons own it."),
      h("div", { class: "form-row" }, h("label", { for: "exposure-date" }, "As of"), this.date),
      h(
        "section",
        { class: "detail-section", "aria-labelledby": "exposure-heading" },
        h("h3", { id: "exposure-heading" }, "Sanctioned parties nearby"),
        h("div", { class: "form-row" }, h("label", { for: "exposure-hops" }, "Within"), this.hops, checkExposure),
        this.exposureOut,
      ),
      h(
        "section",
        { class: "detail-section", "aria-labelledby": "ownership-heading" },
        h("h3", { id: "ownership-heading" }, "Ownership"),
        h("div", { class: "form-row" }, h("label", { for: "ownership-rule" }, "Rule"), this.rule, checkOwnership),
        this.ownershipOut,
      ),
    );
    this.setEntity(null);
  }

  /** The entity the checks are about (the canvas selection). */
  setEntity(entity: EntitySummary | null): void {
    if (entity?.id === this.entity?.id) return;
    this.abort?.abort();
    this.entity = entity;
    this.title.textContent = entity ? `Exposure of ${entity.name}` : "Exposure";
    for (const b of this.buttons) b.disabled = !entity;
    const hint = entity ? null : h("p", { class: "muted" }, "Select an entity on the canvas.");
    this.exposureOut.replaceChildren(...(hint ? [hint] : []));
    this.ownershipOut.replaceChildren();
  }

  private async load<T>(out: HTMLElement, run: (signal: AbortSignal) => Promise<T>, render: (value: T) => void): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    out.replaceChildren(
      h("div", { class: "panel-loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), "Checking…"),
    );
    try {
      const value = await run(abort.signal);
      if (!abort.signal.aborted) render(value);
    } catch (error) {
      if (!abort.signal.aborted) out.replaceChildren(h("div", { class: "panel-error", role: "alert" }, describeErrorText(error)));
    }
  }

  private at(): string | null {
    return this.date.value || null;
  }

  async runExposure(after: string | null = null): Promise<void> {
    const e = this.entity;
    if (!e) return;
    await this.load(
      this.exposureOut,
      (signal) => this.api.exposure({ id: e.id, maxHops: Number(this.hops.value), at: this.at(), first: PAGE, after }, signal),
      (x) => this.renderExposure(x),
    );
  }

  private renderExposure(x: Exposure): void {
    const counts = (title: string, rows: { name: string; count: number }[]) =>
      rows.length
        ? h(
            "div",
            { class: "exposure-counts" },
            h("span", { class: "muted" }, `${title}: `),
            rows.map((r, i) => h("span", {}, i ? ", " : "", `${r.name} `, h("span", { class: "count" }, String(r.count)))),
          )
        : null;
    const paths = x.parties.map((p) => p.path);
    fill(
      this.exposureOut,
      h(
        "p",
        { class: "exposure-summary" },
        x.totalCount
          ? `${x.totalCount}${x.complete ? "" : "+"} sanctioned part${x.totalCount === 1 ? "y" : "ies"} within ${x.maxHops} hop${x.maxHops > 1 ? "s" : ""} on ${x.at}.`
          : `No sanctioned party within ${x.maxHops} hop${x.maxHops > 1 ? "s" : ""} on ${x.at}.`,
      ),
      h("p", { class: "muted" }, `Entities with more than ${x.maxDegree} relationships are not walked through.`),
      counts("By authority", x.byAuthority),
      counts("By program", x.byProgram),
      paths.length
        ? h(
            "button",
            { type: "button", class: "link", onclick: () => this.actions.show(paths, { highlight: paths }) },
            "Show all paths on the canvas",
          )
        : null,
      partiesByDistance(x.parties).map((group) =>
        h(
          "div",
          { class: "exposure-group" },
          h("h4", {}, `${group.hops} hop${group.hops > 1 ? "s" : ""} away`),
          h(
            "ul",
            { class: "exposure-parties" },
            group.parties.map((p) =>
              h(
                "li",
                { class: "exposure-party", "data-entity-id": p.entity.id },
                h(
                  "button",
                  { type: "button", class: "link party-name", onclick: () => this.actions.selectEntity(p.entity.id) },
                  p.entity.name,
                ),
                h(
                  "div",
                  { class: "muted" },
                  [...new Set(p.sanctions.map((s) => [s.program, s.authority].filter(Boolean).join(" · ")))].join("; "),
                ),
                h("div", { class: "muted path-line" }, pathSummary(p.path)),
                h(
                  "button",
                  { type: "button", class: "link show-path", onclick: () => this.actions.show([p.path], { highlight: [p.path] }) },
                  "Show path",
                ),
              ),
            ),
          ),
        ),
      ),
      x.leftOut || x.pageInfo.hasNextPage
        ? h(
            "p",
            {},
            `${x.leftOut} more not shown. `,
            h("button", { type: "button", class: "link", onclick: () => void this.runExposure(x.pageInfo.endCursor) }, "Next page"),
          )
        : null,
    );
  }

  async runOwnership(): Promise<void> {
    const e = this.entity;
    if (!e) return;
    await this.load(
      this.ownershipOut,
      (signal) => this.api.ownership({ id: e.id, rule: this.rule.value as OwnershipRule, at: this.at() }, signal),
      (o) => this.renderOwnership(o),
    );
  }

  private renderOwnership(o: Ownership): void {
    const names = new Map(o.nodes.map((n) => [n.entity.id, n.entity.name]));
    const structure = ownershipPaths(o);
    const chain = ownershipPaths(o, chainLinks(o));
    const flags = [
      o.blockedShare !== o.blockedShareHigh
        ? `blocked owners hold ${o.blockedShare}–${o.blockedShareHigh}% (records overlap)`
        : `blocked owners hold ${o.blockedShare}%`,
      o.unknownShares ? `${o.unknownShares} share(s) unknown` : null,
      o.conflictingData ? "records add up to more than 100%" : null,
      o.truncated ? "more records than were read" : null,
      o.depthLimited ? "owners above the depth read not examined" : null,
    ].filter(Boolean);
    fill(
      this.ownershipOut,
      h(
        "div",
        { class: `verdict verdict-${o.verdict.toLowerCase()}`, "data-verdict": o.verdict },
        h("strong", {}, VERDICT_LABEL[o.verdict]),
        h("span", { class: "muted" }, ` (${o.rule === "OFAC_50" ? "OFAC 50%" : "EU >50% or control"}, ${o.at})`),
      ),
      h("p", { class: "statement" }, o.statement),
      h("p", { class: "muted" }, flags.join(" · ")),
      structure.length
        ? h(
            "button",
            {
              type: "button",
              class: "link",
              onclick: () => this.actions.show(structure, { layered: true, highlight: chain.length ? chain : undefined }),
            },
            "Show owners on the canvas",
          )
        : h("p", { class: "muted" }, "No ownership or control records in force on this date."),
      o.chains.length
        ? h(
            "div",
            { class: "ownership-chains" },
            h("h4", {}, "Chains"),
            h(
              "ol",
              {},
              o.chains.map((c) =>
                h(
                  "li",
                  {},
                  c.links.reduce(
                    (text, l) => `${text} -[${shareText({ share: l.share, control: false })}]-> ${names.get(l.asset)}`,
                    names.get(c.links[0].owner) ?? "",
                  ),
                ),
              ),
            ),
          )
        : null,
      ownershipLayers(o)
        .filter((layer) => layer.depth > 0)
        .map((layer) =>
          h(
            "div",
            { class: "ownership-layer" },
            h("h4", {}, layer.depth === 1 ? "Direct owners" : `Owners ${layer.depth} levels up`),
            h(
              "ul",
              { class: "ownership-owners" },
              layer.rows.map(({ node, links }) =>
                h(
                  "li",
                  { class: `ownership-owner${node.blocked ? " blocked" : ""}`, "data-entity-id": node.entity.id },
                  h(
                    "button",
                    { type: "button", class: "link", onclick: () => this.actions.selectEntity(node.entity.id) },
                    node.entity.name,
                  ),
                  node.listed
                    ? h("span", { class: "badge sanctioned-badge" }, "listed")
                    : node.blocked
                      ? h("span", { class: "badge blocked-badge" }, "blocked")
                      : null,
                  h(
                    "ul",
                    { class: "ownership-links" },
                    links.map((l) =>
                      h(
                        "li",
                        { class: l.counted ? "counted" : "" },
                        `${shareText(l)} of ${names.get(l.asset) ?? l.asset}`,
                        dateRange(l.relationship) ? h("span", { class: "muted" }, ` · ${dateRange(l.relationship)}`) : null,
                        l.overlapping ? h("span", { class: "muted" }, " · overlaps another record") : null,
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
    );
  }
}
