/** Paths as text, hop by hop (pure; used by the path finder's list and by the JSON export). */
import type { Hop, Path, Source } from "../api/types.ts";

export interface HopText {
  index: number;
  fromId: string;
  toId: string;
  fromName: string;
  toName: string;
  /** The relationship's label, e.g. "is a front company of". */
  label: string;
  type: string;
  role: string | null;
  /** True if the relationship points along the path (from -> to). */
  forward: boolean;
  /** The fact as a sentence, in the relationship's own direction. */
  sentence: string;
  sources: Source[];
  relationshipId: string;
}

export function hopText(hop: Hop, index: number, name: (id: string) => string): HopText {
  const forward = hop.direction === "OUTGOING";
  const r = hop.relationship;
  const subject = name(r.source.id);
  const object = name(r.target.id);
  const role = r.role ? ` (${r.role})` : "";
  return {
    index,
    fromId: hop.from.id,
    toId: hop.to.id,
    fromName: name(hop.from.id),
    toName: name(hop.to.id),
    label: r.label,
    type: r.type,
    role: r.role,
    forward,
    sentence: `${subject} ${r.label} ${object}${role}`,
    sources: r.sources,
    relationshipId: r.id,
  };
}

/** Every hop of a path, with names from the path's own nodes. */
export function pathText(path: Path): HopText[] {
  const names = new Map(path.nodes.map((n) => [n.id, n.name]));
  return path.hops.map((hop, i) => hopText(hop, i, (id) => names.get(id) ?? id));
}

/** A short citation: "U.S. Department of the Treasury, record 52264, 2025-01-16" or "Publisher: Title". */
export function sourceLabel(s: Source): string {
  const what = s.recordId ? `record ${s.recordId}` : s.title;
  return [`${s.publisher}${s.recordId ? "," : ":"} ${what}`, s.date].filter(Boolean).join(", ");
}

/** The whole path on one line: "A -[is a front company of]-> B <-[leads]- C". */
export function pathSummary(path: Path): string {
  const hops = pathText(path);
  if (!hops.length) return path.nodes[0]?.name ?? "";
  return hops.reduce((text, h) => `${text} ${h.forward ? `-[${h.label}]->` : `<-[${h.label}]-`} ${h.toName}`, hops[0].fromName);
}
