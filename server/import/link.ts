/**
 * Same party on several lists: SAME_AS relationships between entities from different datasets, created only on
 * strong evidence, never on a fuzzy name:
 *   1. a shared identifier: the same value (spaces, dashes and dots removed, upper case, at least 6 characters)
 *      in the same identifier property (IMO number, passport, registration, tax, LEI, SWIFT/BIC, ...);
 *   2. an exact normalised name in the same program family: the primary name of one equals a name (primary
 *      or alias) of the other after normalisation (upper case, accents, punctuation and spacing removed), both
 *      are the same kind of party (person or not), and their sanctions share a program family (e.g. UN list
 *      DPRK and OFAC DPRK, DPRK2, DPRK3, DPRK4).
 * Run after the imports (`npm run import -- link`); idempotent (the relationship id is derived from the pair).
 */
import type { Graph } from "../db/graph.ts";
import { GraphWriter } from "../db/writer.ts";
import { IDENTIFIER_PROPERTIES } from "../model/properties.ts";
import type { RelationshipRecord } from "../model/records.ts";

/** Program (OFAC tag or UN list type) -> family; programs in no family never give a name match. */
const FAMILIES: [RegExp, string][] = [
  [/^DPRK/i, "DPRK"],
  [/^(IRAN|IRGC|IFSR|HRIT-IR|NPWMD-IRAN)/i, "IRAN"],
  [/^(SDGT|FTO|Al-Qaida|Taliban|ISIL)/i, "TERRORISM"],
  [/^IRAQ/i, "IRAQ"],
  [/^LIBYA/i, "LIBYA"],
  [/^SOMALIA/i, "SOMALIA"],
  [/^(DRCONGO|DRC)$/i, "DRC"],
  [/^(SOUTH SUDAN|SouthSudan)$/i, "SOUTH_SUDAN"],
  [/^(SUDAN|DARFUR)/i, "SUDAN"],
  [/^CAR$/i, "CAR"],
  [/^YEMEN/i, "YEMEN"],
  [/^MALI/i, "MALI"],
  [/^HAITI/i, "HAITI"],
  [/^(SYRIA)/i, "SYRIA"],
  [/^(RUSSIA|UKRAINE|CAATSA - RUSSIA)/i, "RUSSIA"],
];

export function programFamily(program: string): string | undefined {
  return FAMILIES.find(([pattern]) => pattern.test(program.trim()))?.[1];
}

export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function normaliseIdentifier(value: string): string {
  return value
    .toUpperCase()
    .replace(/^IMO\s*/, "")
    .replace(/[\s.\-/]/g, "");
}

interface Candidate {
  id: string;
  schema: string;
  datasets: string[];
  name: string;
  names: string[];
  aliases: string[];
  programs: string[];
  identifiers: { prop: string; values: string[] }[];
}

export interface LinkSummary {
  candidates: number;
  byIdentifier: number;
  byName: number;
  links: number;
}

const personish = (schema: string) => schema === "Person";

export async function linkSameParties(graph: Graph): Promise<LinkSummary> {
  const result = await graph.read<Record<string, unknown>>(
    "import/link-candidates",
    { props: IDENTIFIER_PROPERTIES },
    { timeoutMs: 120_000 },
  );
  const entities: Candidate[] = result.records.map((r) => r.toObject() as unknown as Candidate);
  const links = new Map<string, { a: Candidate; b: Candidate; evidence: Set<string> }>();
  const consider = (a: Candidate, b: Candidate, evidence: string) => {
    if (a.id === b.id) return;
    if (a.datasets.some((d) => b.datasets.includes(d))) return; // same list: never the same party by this rule
    if (personish(a.schema) !== personish(b.schema)) return;
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    const key = `${x.id}|${y.id}`;
    const link = links.get(key) ?? { a: x, b: y, evidence: new Set<string>() };
    link.evidence.add(evidence);
    links.set(key, link);
  };
  let byIdentifier = 0;
  let byName = 0;
  // 1. Shared identifiers.
  const byValue = new Map<string, Candidate[]>();
  for (const e of entities) {
    for (const { prop, values } of e.identifiers) {
      for (const value of values) {
        const norm = normaliseIdentifier(value);
        if (norm.length < 6) continue;
        const key = `${prop}:${norm}`;
        const list = byValue.get(key) ?? [];
        list.push(e);
        byValue.set(key, list);
      }
    }
  }
  for (const [key, list] of byValue) {
    if (list.length < 2 || list.length > 10) continue;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const before = links.size;
        consider(list[i], list[j], `shared ${key}`);
        if (links.size > before) byIdentifier++;
      }
  }
  // 2. Exact normalised name within one program family.
  const byName_ = new Map<string, Candidate[]>();
  for (const e of entities) {
    for (const n of new Set([e.name, ...e.names, ...e.aliases].filter(Boolean).map(normaliseName))) {
      if (n.length < 4) continue;
      const list = byName_.get(n) ?? [];
      list.push(e);
      byName_.set(n, list);
    }
  }
  for (const a of entities) {
    const families = new Set(a.programs.map(programFamily).filter(Boolean));
    if (!families.size) continue;
    for (const b of byName_.get(normaliseName(a.name)) ?? []) {
      const shared = b.programs.map(programFamily).find((f) => f && families.has(f));
      if (!shared) continue;
      const before = links.size;
      consider(a, b, `exact name "${a.name}" in program family ${shared}`);
      if (links.size > before) byName++;
    }
  }
  const records: RelationshipRecord[] = [...links.values()].map(({ a, b, evidence }) => ({
    id: `same-as:${a.id}:${b.id}`,
    type: "SAME_AS",
    source: a.id,
    target: b.id,
    role: "same party",
    properties: { evidence: [...evidence].sort() },
    sourceIds: [],
    datasets: ["link"],
  }));
  const writer = new GraphWriter(graph);
  for (let i = 0; i < records.length; i += 2_000) {
    const slice = records.slice(i, i + 2_000);
    // Provenance: the sources of the two records that carry the evidence.
    await graph.read("import/link-sources", { ids: slice.flatMap((r) => [r.source, r.target]) }).then((res) => {
      const sources = new Map(res.records.map((r) => [r.get("id") as string, r.get("sourceIds") as string[]]));
      for (const r of slice) r.sourceIds = [...new Set([...(sources.get(r.source) ?? []), ...(sources.get(r.target) ?? [])])].slice(0, 20);
    });
    await writer.relationships(slice);
  }
  return { candidates: entities.length, byIdentifier, byName, links: records.length };
}
