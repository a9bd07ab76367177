/**
 * Scores a candidate entity against a screening query: the name similarity (names.ts) plus or minus the evidence
 * of date of birth, countries, identifiers, schema and related names. Every part is a feature with its value and
 * contribution, so a score always comes with its reasons; the score is their sum, within 0..1.
 */
import { IDENTIFIER_PROPERTIES } from "../model/properties.ts";
import { bestName } from "./names.ts";

export interface MatchQuery {
  schema?: string | null;
  name: string;
  birthDate?: string | null;
  countries?: string[] | null;
  identifiers?: string[] | null;
  relatedNames?: string[] | null;
}

export interface Candidate {
  id: string;
  schema: string;
  name: string;
  aliases?: string[];
  countries?: string[];
  birthDate?: string[];
  [property: string]: unknown;
}

export interface Feature {
  name: "name" | "birthDate" | "country" | "identifier" | "schema" | "relatedNames";
  value: string;
  contribution: number;
}

export interface Scored {
  score: number;
  matchedName: string;
  features: Feature[];
}

/** Contributions of the evidence besides the name. */
export const WEIGHTS = {
  birthDateAgrees: 0.05,
  birthDateNear: -0.1,
  birthDateConflicts: -0.3,
  countryAgrees: 0.02,
  countryConflicts: -0.05,
  identifierAgrees: 0.3,
  identifierConflicts: -0.15,
  schemaConflicts: -0.5,
  relatedName: 0.05,
  relatedNamesMax: 0.1,
};

/** An identifier as compared: upper case, no spaces or punctuation, no "IMO" prefix. */
export function normaliseIdentifier(value: string): string {
  return value
    .toUpperCase()
    .replace(/^IMO\s*/, "")
    .replace(/[^A-Z0-9]/g, "");
}

const ORGANISATIONS = new Set(["Organization", "Company", "PublicBody"]);

/** Whether a query for one schema may be about an entity of another (FtM: Person and organisations are LegalEntity). */
export function schemaCompatible(query: string, candidate: string): boolean {
  if (query === candidate) return true;
  const party = (s: string) => s === "Person" || s === "LegalEntity" || ORGANISATIONS.has(s);
  if (query === "LegalEntity" || candidate === "LegalEntity") return party(query) && party(candidate);
  return ORGANISATIONS.has(query) && ORGANISATIONS.has(candidate);
}

/** Whether two full dates (YYYY-MM-DD) differ in exactly one digit: 1965-03-01 for 1955-03-01. */
function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== 10 || b.length !== 10) return false;
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
  return differ === 1;
}

/**
 * How two dates of possibly different precision (YYYY, YYYY-MM, YYYY-MM-DD) relate, compared at the coarser one:
 * they agree when equal, are near within a year, and conflict otherwise, unless both are full dates one digit
 * apart: lists copy dates by hand, and a day and month that agree make a different year a clerical error rather
 * than another person. (At year precision one digit apart is any year of the decade: no evidence of a typo.)
 */
function compareDates(a: string, b: string): "agrees" | "near" | "clerical" | "conflicts" {
  const n = Math.min(a.length, b.length);
  if (a.slice(0, n) === b.slice(0, n)) return "agrees";
  if (Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4))) <= 1) return "near";
  return oneDigitApart(a, b) ? "clerical" : "conflicts";
}

function birthDateFeature(query: string, dates: string[]): Feature | undefined {
  if (!dates.length) return undefined;
  const outcomes = dates.map((d) => compareDates(query, d));
  const listed = dates.join(", ");
  if (outcomes.includes("agrees"))
    return { name: "birthDate", value: `${query} agrees with ${listed}`, contribution: WEIGHTS.birthDateAgrees };
  if (outcomes.includes("near")) return { name: "birthDate", value: `${query} is near ${listed}`, contribution: WEIGHTS.birthDateNear };
  if (outcomes.includes("clerical"))
    return {
      name: "birthDate",
      value: `${query} is one digit from ${listed} (a clerical error?)`,
      contribution: WEIGHTS.birthDateNear,
    };
  return { name: "birthDate", value: `${query} conflicts with ${listed}`, contribution: WEIGHTS.birthDateConflicts };
}

function identifierFeature(query: string[], candidate: Candidate): Feature | undefined {
  const held = IDENTIFIER_PROPERTIES.flatMap((p) =>
    ((candidate[p] as string[] | undefined) ?? []).map((v) => ({ p, v, norm: normaliseIdentifier(v) })),
  );
  if (!held.length) return undefined;
  const wanted = new Set(query.map(normaliseIdentifier).filter(Boolean));
  const shared = held.find((h) => wanted.has(h.norm));
  if (shared) return { name: "identifier", value: `${shared.p} ${shared.v} agrees`, contribution: WEIGHTS.identifierAgrees };
  return {
    name: "identifier",
    value: `${query.join(", ")} conflicts with ${held
      .slice(0, 5)
      .map((h) => `${h.p} ${h.v}`)
      .join(", ")}`,
    contribution: WEIGHTS.identifierConflicts,
  };
}

function relatedFeature(related: string[], neighbourNames: string[]): Feature | undefined {
  if (!neighbourNames.length) return undefined;
  const found = related.map((r) => ({ r, best: bestName(r, neighbourNames) })).filter((x) => x.best.score >= 0.8);
  if (!found.length) return { name: "relatedNames", value: "none of the related names is among the neighbours", contribution: 0 };
  return {
    name: "relatedNames",
    value: found.map((f) => `${f.r} ~ ${f.best.name}`).join("; "),
    contribution: Math.min(WEIGHTS.relatedNamesMax, found.length * WEIGHTS.relatedName),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Scores one candidate (see the module comment); `neighbourNames` are the names of its graph neighbours. */
export function scoreCandidate(query: MatchQuery, candidate: Candidate, neighbourNames: string[] = []): Scored {
  const names = [candidate.name, ...(candidate.aliases ?? [])];
  const best = bestName(query.name, names);
  const features: Feature[] = [{ name: "name", value: `"${query.name}" ~ "${best.name}"`, contribution: round(best.score) }];
  if (query.schema && !schemaCompatible(query.schema, candidate.schema))
    features.push({ name: "schema", value: `${query.schema} is not ${candidate.schema}`, contribution: WEIGHTS.schemaConflicts });
  if (query.birthDate) {
    const f = birthDateFeature(query.birthDate, candidate.birthDate ?? []);
    if (f) features.push(f);
  }
  if (query.countries?.length && candidate.countries?.length) {
    const wanted = query.countries.map((c) => c.toLowerCase());
    const shared = candidate.countries.filter((c) => wanted.includes(c));
    features.push(
      shared.length
        ? { name: "country", value: `${shared.join(", ")} agrees`, contribution: WEIGHTS.countryAgrees }
        : {
            name: "country",
            value: `${wanted.join(", ")} conflicts with ${candidate.countries.join(", ")}`,
            contribution: WEIGHTS.countryConflicts,
          },
    );
  }
  if (query.identifiers?.length) {
    const f = identifierFeature(query.identifiers, candidate);
    if (f) features.push(f);
  }
  if (query.relatedNames?.length) {
    const f = relatedFeature(query.relatedNames, neighbourNames);
    if (f) features.push(f);
  }
  const total = features.reduce((s, f) => s + f.contribution, 0);
  return { score: round(Math.max(0, Math.min(1, total))), matchedName: best.name, features };
}
