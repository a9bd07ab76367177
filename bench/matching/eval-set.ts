/**
 * The matching evaluation set, built deterministically (seeded) from the real lists in the graph; see
 * docs/matching.md for its construction. Four kinds of query, each with the records that count as right:
 *   alias      a published alias of a record (a real spelling variant: other romanisation, word order, short
 *              form), screened by itself; right: the record, its SAME_AS records, any record with that exact name;
 *   typo       a record's primary name with one random edit (substitution, deletion, insertion or transposition)
 *              in one word of 5+ letters; right: the record, its SAME_AS records, records with the original name;
 *   crossList  a UN record's name and date of birth, where the UN and OFAC records share an identifier value
 *              (passport, national id, ...) and their names at least one written word (otherwise the lists
 *              disagree about whose document it is); right: the OFAC record(s) (the UN record itself is left out);
 *   unlisted   given names of one listed person with the family name of another, kept only when no record
 *              carries that name (case, accents, punctuation, order aside); any match at the threshold is false.
 */
import type { Graph } from "../../server/db/graph.ts";
import { type EvalEntityRow, evalEntities } from "../../server/db/queries/bench.ts";
import { plainForm, plainWords } from "../../server/matching/normalise.ts";
import { normaliseIdentifier } from "../../server/matching/score.ts";

export type Kind = "alias" | "typo" | "crossList" | "unlisted";

export interface EvalCase {
  kind: Kind;
  name: string;
  schema?: string;
  birthDate?: string;
  /** Ids that count as a right top candidate (empty for unlisted). */
  expected: string[];
  /** A record left out of the candidates (crossList: the record whose name is screened). */
  exclude?: string;
}

/** mulberry32: a small seeded generator, so the set is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function typo(word: string, rnd: () => number): string {
  const i = Math.floor(rnd() * (word.length - 1)) + 1; // keep the first letter, as most typos do
  const letter = LETTERS[Math.floor(rnd() * LETTERS.length)];
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return word.slice(0, i) + letter + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + letter + word.slice(i);
    default:
      return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + letter;
  }
}

export async function buildEvalSet(graph: Graph, { seed = 11, perKind = 300 } = {}): Promise<EvalCase[]> {
  const rows = await evalEntities(graph, {});
  const rnd = random(seed);
  const pick = <T>(list: T[], n: number) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  const byPlain = new Map<string, string[]>();
  for (const r of rows)
    for (const n of [r.name, ...r.aliases]) {
      const key = plainForm(n);
      byPlain.set(key, [...(byPlain.get(key) ?? []), r.id]);
    }
  const right = (r: EvalEntityRow, name: string) => [...new Set([r.id, ...r.sameAs, ...(byPlain.get(plainForm(name)) ?? [])])];
  const cases: EvalCase[] = [];

  const listed = rows.filter((r) => r.id.startsWith("ofac-") || r.id.startsWith("unsc-"));
  const withAlias = listed.filter((r) => r.aliases.some((a) => plainForm(a) !== plainForm(r.name) && /\p{L}{3}/u.test(a)));
  for (const r of pick(withAlias, perKind)) {
    const alias = pick(
      r.aliases.filter((a) => plainForm(a) !== plainForm(r.name)),
      1,
    )[0];
    cases.push({ kind: "alias", name: alias, schema: r.schema, expected: right(r, alias) });
  }

  const typoable = listed.filter((r) => r.name.split(/[^\p{L}]+/u).some((w) => w.length >= 5));
  for (const r of pick(typoable, perKind)) {
    const words = r.name.split(/\s+/);
    const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{5,}[,.]?$/u.test(w));
    if (!candidates.length) continue;
    const [word, i] = candidates[Math.floor(rnd() * candidates.length)];
    const changed = [...words];
    changed[i] = typo(word.toLowerCase().replace(/[,.]$/, ""), rnd) + (/[,.]$/.test(word) ? word.slice(-1) : "");
    cases.push({ kind: "typo", name: changed.join(" "), schema: r.schema, expected: right(r, r.name) });
  }

  const ofacByIdentifier = new Map<string, EvalEntityRow[]>();
  for (const r of rows.filter((x) => x.id.startsWith("ofac-")))
    for (const v of r.identifiers.flat().map(normaliseIdentifier))
      if (v.length >= 6) ofacByIdentifier.set(v, [...(ofacByIdentifier.get(v) ?? []), r]);
  const words = (r: EvalEntityRow) => new Set([r.name, ...r.aliases].flatMap(plainWords));
  const pairs: { c: EvalCase; disagree: boolean }[] = [];
  for (const un of rows.filter((x) => x.id.startsWith("unsc-"))) {
    const shared = new Set(un.identifiers.flat().flatMap((v) => ofacByIdentifier.get(normaliseIdentifier(v)) ?? []));
    if (!shared.size || shared.size > 3) continue;
    // A shared document with no written word in common is not evidence of one party but a disagreement between
    // the lists (the UN's AZIM AGHAJANI holds the passports OFAC gives TABATABAEI, Sayyid Ali Akbar). Plain words,
    // not the engine's similarity, so that the set does not depend on what it measures.
    const unWords = words(un);
    const agreeing = [...shared].filter((o) => [...words(o)].some((w) => unWords.has(w)));
    const c: EvalCase = {
      kind: "crossList",
      name: un.name,
      schema: un.schema,
      birthDate: un.birthDates.find((d) => /^\d{4}(-\d\d-\d\d)?$/.test(d)),
      expected: agreeing.map((r) => r.id),
      exclude: un.id,
    };
    pairs.push({ c, disagree: !agreeing.length });
  }
  // Left out after the draw, so that the names drawn next (unlisted) do not depend on which pairs are left out.
  cases.push(
    ...pick(pairs, perKind)
      .filter((p) => !p.disagree)
      .map((p) => p.c),
  );

  const people = listed.filter((r) => r.schema === "Person" && r.name.includes(","));
  const parts = people.map((r) => {
    const [family, given] = r.name.split(",", 2);
    return { family: family.trim(), given: given.trim() };
  });
  const unlisted = new Set<string>();
  for (let tries = 0; unlisted.size < perKind && tries < perKind * 20; tries++) {
    const name = `${parts[Math.floor(rnd() * parts.length)].given} ${parts[Math.floor(rnd() * parts.length)].family}`;
    if (name.trim().split(/\s+/).length < 2 || byPlain.has(plainForm(name))) continue;
    unlisted.add(name);
  }
  for (const name of unlisted) cases.push({ kind: "unlisted", name, schema: "Person", expected: [] });
  return cases;
}
