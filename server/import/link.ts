/**
 * Same party on several lists: SAME_AS relationships between entities from different datasets, created only on
 * strong evidence, each with its evidence and a confidence:
 *   confirmed  1. an FtM record names the other record's id among its `referents` (OpenSanctions' own merge), or
 *              2. a shared strong identifier: the same value (upper case, letters and digits only, at least 6
 *                 characters, at least one digit) in an identifier property (passport, national id, IMO number,
 *                 registration, tax, INN, OGRN, LEI, SWIFT/BIC, ...), unless the two are people whose names have
 *                 nothing in common (the lists then disagree about whose document it is);
 *   probable   3. people: names that the matching engine scores at least 0.95 AND dates of birth that agree;
 *              4. organisations, vessels, aircraft: the same written name AND sanctions in one program family
 *                 (e.g. UN DPRK and OFAC DPRK2).
 * A name never links two records whose dates of birth or identifiers of the same kind conflict.
 * Run after the imports (`npm run import -- link`); idempotent (the relationship id is derived from the pair), and
 * links of this step that its rules no longer support are removed.
 */
import type { Graph } from "../db/graph.ts";
import { type LinkCandidateRow, linkCandidates, linkSources, pruneLinks } from "../db/queries/imports.ts";
import { GraphWriter } from "../db/writer.ts";
import { writeMatchKeys } from "../matching/keys.ts";
import { bestName } from "../matching/names.ts";
import { plainForm, tokenise } from "../matching/normalise.ts";
import { normaliseIdentifier } from "../matching/score.ts";
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

/** A person's names must score at least this (with agreeing dates of birth) to be linked. */
export const PERSON_NAME_SCORE = 0.95;
/** An identifier value shared by more records than this is a placeholder, not evidence. */
const MAX_SHARED = 10;

type Candidate = LinkCandidateRow;

export type Confidence = "confirmed" | "probable";

export interface LinkSummary {
  candidates: number;
  byReferent: number;
  byIdentifier: number;
  byName: number;
  links: number;
  /** Pairs of people sharing an identifier whose names have nothing in common: not linked. */
  contradicted: number;
  removed: number;
}

const kind = (schema: string) => (schema === "Person" ? "person" : schema === "Vessel" || schema === "Airplane" ? schema : "organisation");

/** Two records come from the same list when they carry the same datasets (an OpenSanctions record merges many). */
const sameList = (a: Candidate, b: Candidate) => a.datasets.length === b.datasets.length && a.datasets.every((d) => b.datasets.includes(d));

/** Dates of birth agree when one is a prefix of the other (1962 and 1962-02-18); they conflict when none agrees. */
function birthDates(a: Candidate, b: Candidate): "agree" | "conflict" | "unknown" {
  if (!a.birthDates.length || !b.birthDates.length) return "unknown";
  const agrees = a.birthDates.some((x) => b.birthDates.some((y) => x.startsWith(y) || y.startsWith(x)));
  return agrees ? "agree" : "conflict";
}

/**
 * A person's document number identifies them together with a name: two people who share one but whose names the
 * engine aligns nowhere are not shown to be one party (the UN gives the same two passport numbers to AZIM AGHAJANI
 * and to ALI AKBAR TABATABAEI, OFAC to TABATABAEI, Sayyid Ali Akbar only). Vessels, aircraft and companies keep
 * their numbers through a rename.
 */
function namesContradict(a: Candidate, b: Candidate): boolean {
  if (kind(a.schema) !== "person" || kind(b.schema) !== "person") return false;
  const other = [b.name, ...b.aliases];
  return [a.name, ...a.aliases].every((n) => bestName(n, other).score === 0);
}

/** Identifiers conflict when both records hold the same kind of identifier and share no value of it. */
function identifiersConflict(a: Candidate, b: Candidate): string | undefined {
  for (const { prop, values } of a.identifiers) {
    const other = b.identifiers.find((i) => i.prop === prop);
    if (!other) continue;
    const mine = new Set(values.map(normaliseIdentifier));
    if (!other.values.some((v) => mine.has(normaliseIdentifier(v)))) return prop;
  }
  return undefined;
}

export async function linkSameParties(graph: Graph): Promise<LinkSummary> {
  await writeMatchKeys(graph);
  const entities: Candidate[] = await linkCandidates(graph, { props: IDENTIFIER_PROPERTIES });
  const byId = new Map(entities.map((e) => [e.id, e]));
  const links = new Map<string, { a: Candidate; b: Candidate; evidence: Set<string>; confidence: Confidence }>();
  const counts = { byReferent: 0, byIdentifier: 0, byName: 0 };
  const contradicted = new Set<string>();
  const consider = (a: Candidate, b: Candidate, evidence: string, confidence: Confidence, rule: keyof typeof counts) => {
    if (a.id === b.id || kind(a.schema) !== kind(b.schema)) return;
    // Records of one list are never the same party by this step (but OpenSanctions' own referents are trusted).
    if (rule !== "byReferent" && sameList(a, b)) return;
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    const key = `${x.id}|${y.id}`;
    const link = links.get(key);
    if (!link) counts[rule]++;
    const entry = link ?? { a: x, b: y, evidence: new Set<string>(), confidence };
    entry.evidence.add(evidence);
    if (confidence === "confirmed") entry.confidence = "confirmed";
    links.set(key, entry);
  };

  // 1. Referents: OpenSanctions names the source records it merged.
  for (const e of entities)
    for (const ref of e.referents) {
      const other = byId.get(ref);
      if (other) consider(e, other, `referent: ${e.id} lists ${ref}`, "confirmed", "byReferent");
    }

  // 2. Shared strong identifiers (any identifier property: a tax number on one list is an INN on another).
  const byValue = new Map<string, { e: Candidate; prop: string; value: string }[]>();
  for (const e of entities)
    for (const { prop, values } of e.identifiers)
      for (const value of values) {
        const norm = normaliseIdentifier(value);
        if (norm.length < 6 || !/\d/.test(norm)) continue;
        const list = byValue.get(norm) ?? [];
        if (!list.some((x) => x.e === e)) list.push({ e, prop, value });
        byValue.set(norm, list);
      }
  for (const list of byValue.values()) {
    if (list.length < 2 || list.length > MAX_SHARED) continue;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i], list[j]];
        if (namesContradict(x.e, y.e) && !sameList(x.e, y.e)) {
          contradicted.add([x.e.id, y.e.id].sort().join("|"));
          continue;
        }
        consider(x.e, y.e, `shared identifier: ${x.prop} ${x.value} = ${y.prop} ${y.value}`, "confirmed", "byIdentifier");
      }
  }

  // 3 and 4. Names: records are compared within blocks of the same canonical name (order-free, variants unified).
  const blocks = new Map<string, Set<Candidate>>();
  for (const e of entities)
    for (const name of [e.name, ...e.aliases]) {
      const key = tokenise(name)
        .map((t) => t.text)
        .sort()
        .join(" ");
      if (key.length < 4) continue;
      const block = blocks.get(key) ?? new Set();
      block.add(e);
      blocks.set(key, block);
    }
  const compared = new Set<string>();
  for (const block of blocks.values()) {
    if (block.size < 2 || block.size > 50) continue;
    const list = [...block];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = list[i].id < list[j].id ? [list[i], list[j]] : [list[j], list[i]];
        const pair = `${a.id}|${b.id}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        if (kind(a.schema) !== kind(b.schema) || identifiersConflict(a, b)) continue;
        const dates = birthDates(a, b);
        if (kind(a.schema) === "person") {
          if (dates !== "agree") continue;
          const best = [a.name, ...a.aliases]
            .map((n) => ({ n, ...bestName(n, [b.name, ...b.aliases]) }))
            .reduce((x, y) => (y.score > x.score ? y : x));
          if (best.score < PERSON_NAME_SCORE) continue;
          consider(
            a,
            b,
            `name "${best.n}" ~ "${best.name}" (${best.score.toFixed(2)}) and dates of birth agree (${a.birthDates.join(", ")} / ${b.birthDates.join(", ")})`,
            "probable",
            "byName",
          );
        } else {
          const shared = a.programs.map(programFamily).find((f) => f && b.programs.map(programFamily).includes(f));
          const exact = [a.name, ...a.aliases].find((n) => [b.name, ...b.aliases].some((m) => plainForm(m) === plainForm(n)));
          if (!shared || !exact || dates === "conflict") continue;
          consider(a, b, `same name "${exact}" and program family ${shared}`, "probable", "byName");
        }
      }
  }

  const records: RelationshipRecord[] = [...links.values()].map(({ a, b, evidence, confidence }) => ({
    id: `same-as:${a.id}:${b.id}`,
    type: "SAME_AS",
    source: a.id,
    target: b.id,
    role: "same party",
    properties: { evidence: [...evidence].sort(), confidence: [confidence] },
    sourceIds: [],
    datasets: ["link"],
  }));
  const writer = new GraphWriter(graph);
  for (let i = 0; i < records.length; i += 2_000) {
    const slice = records.slice(i, i + 2_000);
    // Provenance: the sources of the two records that carry the evidence.
    const sources = new Map(
      (await linkSources(graph, { ids: slice.flatMap((r) => [r.source, r.target]) })).map((r) => [r.id, r.sourceIds]),
    );
    for (const r of slice) r.sourceIds = [...new Set([...(sources.get(r.source) ?? []), ...(sources.get(r.target) ?? [])])].slice(0, 20);
    await writer.relationships(slice);
  }
  const [pruned] = await pruneLinks(graph, { keep: records.map((r) => r.id) });
  return { candidates: entities.length, ...counts, links: records.length, contradicted: contradicted.size, removed: pruned?.removed ?? 0 };
}
