/**
 * Exposure and ownership answers -> what the panel lists and what the canvas draws. Pure (no DOM), unit-tested.
 */
import type { ExposedParty, Ownership, OwnershipLink, OwnershipNode } from "../api/exposure.ts";
import type { EntitySummary, Path, Relationship } from "../api/types.ts";

/** Parties grouped by distance, nearest first (the API sends them nearest first). */
export function partiesByDistance(parties: ExposedParty[]): { hops: number; parties: ExposedParty[] }[] {
  const groups = new Map<number, ExposedParty[]>();
  for (const p of parties) groups.set(p.distance, [...(groups.get(p.distance) ?? []), p]);
  return [...groups].sort(([a], [b]) => a - b).map(([hops, list]) => ({ hops, parties: list }));
}

/** "2015-11-25 – 2023-03-02", "since 2016-03-29", "until 2023-12-21", or "" when the record gives no dates. */
export function dateRange(r: Pick<Relationship, "startDate" | "endDate">): string {
  if (r.startDate && r.endDate) return `${r.startDate} – ${r.endDate}`;
  if (r.startDate) return `since ${r.startDate}`;
  if (r.endDate) return `until ${r.endDate}`;
  return "";
}

/** "51%", "share unknown" or "control". */
export function shareText(link: Pick<OwnershipLink, "share" | "control">): string {
  if (link.control) return "control";
  return link.share == null ? "share unknown" : `${link.share}%`;
}

/** Each owner level of the structure (0 = the entity asked about), with the links from each owner. */
export function ownershipLayers(o: Ownership): { depth: number; rows: { node: OwnershipNode; links: OwnershipLink[] }[] }[] {
  const layers = new Map<number, { node: OwnershipNode; links: OwnershipLink[] }[]>();
  for (const node of o.nodes) {
    const rows = layers.get(node.depth) ?? [];
    rows.push({ node, links: o.links.filter((l) => l.owner === node.entity.id) });
    layers.set(node.depth, rows);
  }
  return [...layers].sort(([a], [b]) => a - b).map(([depth, rows]) => ({ depth, rows }));
}

/** Every ownership or control record as a one-hop path, so the canvas adds and highlights it like any path. */
export function ownershipPaths(o: Ownership, links: OwnershipLink[] = o.links): Path[] {
  const entities = new Map<string, EntitySummary>(o.nodes.map((n) => [n.entity.id, n.entity]));
  return links.flatMap((link) => {
    const r = link.relationship;
    const from = entities.get(r.source.id);
    const to = entities.get(r.target.id);
    if (!from || !to) return [];
    return [
      {
        length: 1,
        nodes: [from, to],
        hops: [{ from: { id: from.id }, to: { id: to.id }, direction: "OUTGOING" as const, relationship: r }],
      },
    ];
  });
}

/** The links of the answer's chains (the records that carry blocked ownership to the entity). */
export function chainLinks(o: Ownership): OwnershipLink[] {
  const keys = new Set(o.chains.flatMap((c) => c.links.map((l) => `${l.owner}\u0000${l.asset}`)));
  return o.links.filter((l) => keys.has(`${l.owner}\u0000${l.asset}`) && l.counted);
}

export const VERDICT_LABEL: Record<Ownership["verdict"], string> = {
  BLOCKED: "Blocked by ownership",
  UNDETERMINED: "Not settled by these records",
  NOT_BLOCKED: "Not blocked by ownership",
};
