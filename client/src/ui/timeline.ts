/** An entity's timeline in the details panel: its listing periods per list and the dated changes to its records. */
import type { SanctionsApi } from "../api/queries.ts";
import { append, h } from "./dom.ts";

const KIND_TEXT = { ADDED: "Listed", REMOVED: "Delisted", AMENDED: "Amended" } as const;

/** A section that fills itself in when the timeline arrives (nothing when the entity has no list history). */
export function timelineSection(api: SanctionsApi, id: string): HTMLElement {
  const body = h("div", { class: "muted" }, "Loading the timeline…");
  const element = h("section", { class: "details-section timeline-section" }, h("h3", {}, "Timeline"), body);
  api
    .timeline(id)
    .then((t) => {
      if (!t || (!t.listings.length && !t.changes.totalCount)) {
        element.remove();
        return;
      }
      body.className = "";
      body.replaceChildren();
      append(body, [
        h(
          "ul",
          { class: "timeline listings" },
          t.listings.map((l) =>
            h("li", {}, h("strong", {}, l.dataset), ` listed from ${l.from} `, l.to ? `to ${l.to} (delisted)` : "(still listed)"),
          ),
        ),
        h(
          "ol",
          { class: "timeline changes", "aria-label": "Changes, newest first" },
          t.changes.edges.map(({ node }) =>
            h(
              "li",
              { class: `kind-${node.kind}` },
              h("strong", {}, `${node.date} ${KIND_TEXT[node.kind]}`),
              ` (${node.dataset})`,
              node.fields.map((f) => h("div", { class: "field-change" }, `${f.field}: ${f.old ?? "—"} → ${f.new ?? "—"}`)),
            ),
          ),
        ),
        t.changes.totalCount > t.changes.edges.length
          ? h("p", { class: "muted" }, `${t.changes.totalCount - t.changes.edges.length} older changes not shown.`)
          : null,
      ]);
    })
    .catch(() => {
      body.textContent = "The timeline could not be loaded.";
    });
  return element;
}
