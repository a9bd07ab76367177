/** The lists a record (or a folded group of records of one party) comes from, as one short badge. */
import { h } from "./dom.ts";

const SHORT: Record<string, string> = { us_ofac_sdn: "OFAC", un_sc_sanctions: "UN", eu_fsf: "EU" };

export function datasetBadge(datasets: readonly string[]): HTMLElement | null {
  const names = [...new Set(datasets.map((d) => SHORT[d] ?? d))];
  if (!names.length) return null;
  const shown = names.slice(0, 3).join(" · ") + (names.length > 3 ? ` +${names.length - 3}` : "");
  return h("span", { class: "badge dataset", title: `Lists: ${[...new Set(datasets)].join(", ")}` }, shown);
}
