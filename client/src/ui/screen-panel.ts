/**
 * Bulk screening in the client: upload a CSV (columns name, schema, birthDate, country, identifiers; several values
 * separated by ";"), screen it through the API's `screen` in batches, read each row's best candidate with its score
 * and reasons, put the hits on the canvas, and download the results as CSV.
 */
import { parse } from "csv-parse/browser/esm/sync";
import { describeError } from "../api/client.ts";
import type { SanctionsApi } from "../api/queries.ts";
import type { ScreenEntry, ScreenResult } from "../api/types.ts";
import { datasetBadge } from "./dataset-badge.ts";
import { h } from "./dom.ts";
import { download, timestamp } from "./download.ts";

/** Entries per request (the API takes at most 100). */
const BATCH = 50;
const COLUMNS = ["name", "schema", "birthDate", "country", "identifiers"];

export interface ScreenPanelActions {
  /** Puts these entities on the canvas. */
  addToCanvas(ids: string[]): void;
}

/** Parses a screening CSV; throws an Error naming the line for anything malformed. */
export function parseScreenFile(text: string): ScreenEntry[] {
  const records: string[][] = parse(text, { bom: true, skip_empty_lines: true, trim: true });
  if (!records.length) throw new Error("The file is empty: expected a header line with name, schema, birthDate, country, identifiers.");
  const header = records[0];
  if (!header.includes("name")) throw new Error(`Line 1: no "name" column (columns: ${COLUMNS.join(", ")}).`);
  const unknown = header.filter((c) => !COLUMNS.includes(c));
  if (unknown.length) throw new Error(`Line 1: unknown column(s) ${unknown.join(", ")} (columns: ${COLUMNS.join(", ")}).`);
  const list = (v?: string) =>
    v
      ? v
          .split(";")
          .map((x) => x.trim())
          .filter(Boolean)
      : undefined;
  return records.slice(1).map((values, i) => {
    const cell = Object.fromEntries(header.map((c, j) => [c, values[j]]));
    if (!cell.name) throw new Error(`Line ${i + 2}: the name is empty.`);
    return {
      name: cell.name,
      schema: cell.schema || undefined,
      birthDate: cell.birthDate || undefined,
      countries: list(cell.country),
      identifiers: list(cell.identifiers),
    };
  });
}

const csvCell = (v: unknown) => {
  const text = String(v ?? "");
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export class ScreenPanel {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly table: HTMLElement;
  private readonly actionsBar: HTMLElement;
  private results: ScreenResult[] = [];
  private controller: AbortController | null = null;

  constructor(
    private readonly api: SanctionsApi,
    private readonly actions: ScreenPanelActions,
  ) {
    const input = h("input", { type: "file", accept: ".csv,text/csv", class: "screen-file", "aria-label": "CSV file to screen" });
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      if (file) void file.text().then((text) => this.run(text));
    });
    this.status = h(
      "p",
      { class: "screen-status", role: "status" },
      "Choose a CSV with a header: name, schema, birthDate, country, identifiers.",
    );
    this.table = h("div", { class: "screen-results" });
    this.actionsBar = h(
      "div",
      { class: "screen-actions", hidden: true },
      h("button", { type: "button", class: "screen-add", onclick: () => this.addHits() }, "Put hits on canvas"),
      h("button", { type: "button", class: "screen-download", onclick: () => this.download() }, "Download results"),
    );
    this.element = h(
      "section",
      { class: "screen-panel", "aria-label": "Screen a list of names" },
      input,
      this.status,
      this.actionsBar,
      this.table,
    );
  }

  async run(text: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.results = [];
    this.table.replaceChildren();
    this.actionsBar.hidden = true;
    let entries: ScreenEntry[];
    try {
      entries = parseScreenFile(text);
    } catch (error) {
      this.status.replaceChildren(`Cannot read the file: ${(error as Error).message}`);
      this.status.setAttribute("role", "alert");
      return;
    }
    this.status.setAttribute("role", "status");
    try {
      for (let i = 0; i < entries.length; i += BATCH) {
        this.status.replaceChildren(`Screening… ${i} of ${entries.length}`);
        this.results.push(...(await this.api.screen(entries.slice(i, i + BATCH), 3, controller.signal)));
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      const { title, code } = describeError(error);
      this.status.replaceChildren(`Screening failed after ${this.results.length} rows: ${title} (${code}).`);
      this.status.setAttribute("role", "alert");
      return;
    }
    const hits = this.results.filter((r) => r.candidates[0]?.match).length;
    this.status.replaceChildren(`Screened ${this.results.length} rows: ${hits} with a match, ${this.results.length - hits} without.`);
    this.actionsBar.hidden = false;
    this.render();
  }

  private render(): void {
    const rows = this.results.map((r, i) => {
      const best = r.candidates[0];
      return h(
        "tr",
        { class: best?.match ? "screen-hit" : "screen-miss", "data-line": String(i + 2) },
        h("td", {}, r.name),
        h(
          "td",
          {},
          best
            ? h(
                "span",
                { class: "screen-candidate", title: best.features.map((f) => `${f.name} ${f.contribution}: ${f.value}`).join("\n") },
                best.entity.name,
              )
            : "—",
          best ? datasetBadge(best.entity.datasets) : null,
        ),
        h("td", { class: "screen-score" }, best ? best.score.toFixed(2) : ""),
        h("td", {}, best?.match ? h("span", { class: "badge sanctioned" }, "Match") : ""),
      );
    });
    this.table.replaceChildren(
      h(
        "table",
        { class: "screen-table" },
        h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Best candidate"), h("th", {}, "Score"), h("th", {}, ""))),
        h("tbody", {}, ...rows),
      ),
    );
  }

  private addHits(): void {
    const ids = [...new Set(this.results.flatMap((r) => r.candidates.filter((c) => c.match).map((c) => c.entity.id)))];
    if (ids.length) this.actions.addToCanvas(ids);
  }

  private download(): void {
    const lines = [["line", "name", "rank", "score", "match", "entityId", "entityName", "matchedName", "datasets", "features"].join(",")];
    for (const [i, r] of this.results.entries())
      for (const [rank, c] of r.candidates.entries()) {
        const row = [i + 2, r.name, rank + 1, c.score, c.match, c.entity.id, c.entity.name, c.matchedName, c.entity.datasets.join(";")];
        const features = c.features.map((f) => `${f.name} ${f.contribution}: ${f.value}`).join(" | ");
        lines.push([...row, features].map(csvCell).join(","));
      }
    download(new Blob([`${lines.join("\n")}\n`], { type: "text/csv" }), `screening-${timestamp()}.csv`);
  }
}
