/**
 * The ownership rules (docs/ownership.md), on an ownership structure already read from the graph: the entities
 * above the one asked about, the ownership and control records in force on the date, and each entity's sanctions
 * in force on that date. Pure, so the semantics are tested case by case without a database.
 */
import type { RelationshipValue } from "../db/queries/rows.ts";

export type Rule = "OFAC_50" | "EU_50";
export type Verdict = "BLOCKED" | "UNDETERMINED" | "NOT_BLOCKED";

export interface RuleDef {
  /** Relationship types from owner to asset, and from asset to owner (read upwards by the query). */
  incoming: string[];
  outgoing: string[];
  /** Whether a record of this type passes control rather than a share. */
  isControl: (type: string) => boolean;
  reaches: (share: number) => boolean;
  threshold: string;
  defaultAuthorities: string;
}

// Shares are compared with a small tolerance: 33.33 + 16.67 must reach 50.
const EPSILON = 1e-6;

export const RULES: Record<Rule, RuleDef> = {
  OFAC_50: {
    incoming: ["OWNS"],
    outgoing: [],
    isControl: () => false,
    reaches: (share) => share >= 50 - EPSILON,
    threshold: "50% or more",
    defaultAuthorities: "OFAC",
  },
  EU_50: {
    incoming: ["OWNS", "CONTROLS"],
    outgoing: ["FRONT_COMPANY_OF"],
    isControl: (type) => type !== "OWNS",
    reaches: (share) => share > 50 + EPSILON,
    threshold: "more than 50%",
    defaultAuthorities: "EU",
  },
};

export interface StructureNode<E, S> {
  id: string;
  entity: E;
  depth: number;
  sanctions: S[];
}

export interface StructureLink {
  relationship: RelationshipValue;
  owner: string;
  asset: string;
}

export interface Structure<E, S> {
  subject: string;
  nodes: StructureNode<E, S>[];
  links: StructureLink[];
  truncated: boolean;
  depthLimited: boolean;
}

/** A record's stated percentage(s) as numbers ("51", "51%", "50,5"); none when no value parses. */
export function percentages(relationship: RelationshipValue): number[] {
  const raw = relationship.percentage;
  const values = Array.isArray(raw) ? raw : raw == null ? [] : [raw];
  return values
    .map((v) => Number.parseFloat(String(v).replace("%", "").replace(",", ".").trim()))
    .filter((n) => Number.isFinite(n) && n >= 0);
}

interface Pair {
  owner: string;
  asset: string;
  control: boolean;
  /** Lowest and highest stated share over the pair's records in force; null when none states one. */
  low: number | null;
  high: number | null;
  records: number;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;
const pct = (n: number) => `${round(n)}%`;

/** Owner-asset pairs: several records for one pair that are in force together are read as a range, not summed. */
function pairsOf(links: StructureLink[], rule: RuleDef): Map<string, Pair[]> {
  const byKey = new Map<string, Pair>();
  for (const link of links) {
    const control = rule.isControl(link.relationship.type);
    const key = `${link.owner}\u0000${link.asset}\u0000${control}`;
    const values = control ? [] : percentages(link.relationship);
    const pair = byKey.get(key) ?? { owner: link.owner, asset: link.asset, control, low: null, high: null, records: 0 };
    pair.records++;
    if (values.length) {
      pair.low = Math.min(pair.low ?? Number.POSITIVE_INFINITY, ...values);
      pair.high = Math.max(pair.high ?? Number.NEGATIVE_INFINITY, ...values);
    }
    byKey.set(key, pair);
  }
  const byAsset = new Map<string, Pair[]>();
  for (const pair of byKey.values()) byAsset.set(pair.asset, [...(byAsset.get(pair.asset) ?? []), pair]);
  return byAsset;
}

/**
 * The least fixed point: start from the listed entities (the subject's own listing left out, so that it cannot
 * feed back to itself through a cycle) and add every entity whose blocked owners reach the threshold, until
 * nothing changes. Monotone (adding a blocked owner only raises shares), so it ends after at most one pass per
 * entity, cycles included. `reading` picks each pair's lowest or highest stated share.
 */
function fixedPoint<E, S>(s: Structure<E, S>, rule: RuleDef, pairs: Map<string, Pair[]>, reading: "low" | "high"): Set<string> {
  const blocked = new Set(s.nodes.filter((n) => n.sanctions.length && n.id !== s.subject).map((n) => n.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [asset, incoming] of pairs) {
      if (blocked.has(asset)) continue;
      if (reaches(incoming, blocked, rule, reading)) {
        blocked.add(asset);
        changed = true;
      }
    }
  }
  return blocked;
}

function blockedShare(incoming: Pair[], blocked: Set<string>, reading: "low" | "high"): number {
  return incoming.filter((p) => !p.control && blocked.has(p.owner)).reduce((sum, p) => sum + (p[reading] ?? 0), 0);
}

function reaches(incoming: Pair[], blocked: Set<string>, rule: RuleDef, reading: "low" | "high"): boolean {
  return rule.reaches(blockedShare(incoming, blocked, reading)) || incoming.some((p) => p.control && blocked.has(p.owner));
}

export interface NodeResult<E, S> extends StructureNode<E, S> {
  listed: boolean;
  blocked: boolean;
  reason: string | null;
  blockedShare: number;
  blockedShareHigh: number;
  unknownShares: number;
  recordedTotal: number;
  conflicting: boolean;
}

export interface LinkResult extends StructureLink {
  share: number | null;
  control: boolean;
  counted: boolean;
  overlapping: boolean;
}

export interface OwnershipResult<E, S> {
  verdict: Verdict;
  blockedByOwnership: boolean;
  statement: string;
  listed: boolean;
  blockedShare: number;
  blockedShareHigh: number;
  unknownShares: number;
  conflictingData: boolean;
  nodes: NodeResult<E, S>[];
  links: LinkResult[];
  chains: { links: LinkResult[] }[];
  truncated: boolean;
  depthLimited: boolean;
}

const MAX_CHAINS = 50;

export function applyRule<E, S>(s: Structure<E, S>, ruleName: Rule, at: string): OwnershipResult<E, S> {
  const rule = RULES[ruleName];
  const pairs = pairsOf(s.links, rule);
  const low = fixedPoint(s, rule, pairs, "low");
  const high = fixedPoint(s, rule, pairs, "high");
  const pairCount = new Map<string, number>();
  for (const l of s.links) {
    const key = `${l.owner}\u0000${l.asset}\u0000${rule.isControl(l.relationship.type)}`;
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
  }

  const links: LinkResult[] = s.links.map((l) => {
    const control = rule.isControl(l.relationship.type);
    const values = control ? [] : percentages(l.relationship);
    return {
      ...l,
      control,
      share: values.length ? Math.max(...values) : null,
      counted: low.has(l.owner),
      overlapping: (pairCount.get(`${l.owner}\u0000${l.asset}\u0000${control}`) ?? 0) > 1,
    };
  });

  const nodes: NodeResult<E, S>[] = s.nodes.map((n) => {
    const incoming = pairs.get(n.id) ?? [];
    const listed = n.sanctions.length > 0;
    const byRule = reaches(incoming, low, rule, "low");
    const shareLow = blockedShare(incoming, low, "low");
    const recordedTotal = links.filter((l) => l.asset === n.id && l.share != null).reduce((sum, l) => sum + (l.share ?? 0), 0);
    let reason: string | null = null;
    if (listed && n.id !== s.subject) reason = "listed";
    else if (byRule)
      reason = rule.reaches(shareLow)
        ? `owned ${rule.threshold} (${pct(shareLow)}) by blocked owners according to these records`
        : "a record states that a blocked party controls it";
    return {
      ...n,
      listed,
      blocked: reason != null,
      reason,
      blockedShare: round(shareLow),
      blockedShareHigh: round(blockedShare(incoming, high, "high")),
      unknownShares: incoming.filter((p) => !p.control && p.low == null && high.has(p.owner)).length,
      recordedTotal: round(recordedTotal),
      conflicting: recordedTotal > 100 + EPSILON,
    };
  });

  const subject = nodes.find((n) => n.id === s.subject) as NodeResult<E, S>;
  const blockedByOwnership = subject.reason != null;
  const possibly = high.has(s.subject) || subject.unknownShares > 0 || s.truncated;
  const verdict: Verdict = blockedByOwnership ? "BLOCKED" : possibly ? "UNDETERMINED" : "NOT_BLOCKED";
  const conflictingData = nodes.some((n) => n.conflicting);
  const chains = chainsTo(s.subject, links, blockedByOwnership ? low : high, new Set(nodes.filter((n) => n.listed).map((n) => n.id)));

  return {
    verdict,
    blockedByOwnership,
    statement: statement(rule, ruleName, at, verdict, subject, conflictingData, s, undatedCounted(nodes, chains)),
    listed: subject.listed,
    blockedShare: subject.blockedShare,
    blockedShareHigh: subject.blockedShareHigh,
    unknownShares: subject.unknownShares,
    conflictingData,
    nodes,
    links,
    chains,
    truncated: s.truncated,
    depthLimited: s.depthLimited,
  };
}

/** Whether a listed party on a chain (or the subject) has a sanction with neither a start nor a listing date. */
function undatedCounted<E, S>(nodes: NodeResult<E, S>[], chains: { links: LinkResult[] }[]): boolean {
  const onChains = new Set([...chains.flatMap((c) => c.links.map((l) => l.owner)), nodes[0]?.id]);
  return nodes.some(
    (n) =>
      onChains.has(n.id) && (n.sanctions as { startDate?: string; listingDate?: string }[]).some((x) => !x.startDate && !x.listingDate),
  );
}

/** Chains of links from blocked owners, walked upwards from the subject until a listed party; no entity twice. */
function chainsTo(subject: string, links: LinkResult[], blocked: Set<string>, listed: Set<string>): { links: LinkResult[] }[] {
  const chains: { links: LinkResult[] }[] = [];
  const walk = (asset: string, below: LinkResult[], seen: Set<string>) => {
    for (const link of links) {
      if (chains.length >= MAX_CHAINS) return;
      if (link.asset !== asset || !blocked.has(link.owner) || seen.has(link.owner)) continue;
      const chain = [link, ...below];
      if (listed.has(link.owner)) chains.push({ links: chain });
      else walk(link.owner, chain, new Set([...seen, link.owner]));
    }
  };
  walk(subject, [], new Set([subject]));
  return chains;
}

function statement<E, S>(
  rule: RuleDef,
  ruleName: Rule,
  at: string,
  verdict: Verdict,
  subject: NodeResult<E, S>,
  conflicting: boolean,
  s: Structure<E, S>,
  undated: boolean,
): string {
  const who = `persons sanctioned on ${at} by the authorities asked (${ruleName})`;
  const parts: string[] = [];
  if (verdict === "BLOCKED") {
    parts.push(
      rule.reaches(subject.blockedShare)
        ? `Owned ${rule.threshold} (${pct(subject.blockedShare)}) in the aggregate, directly or through blocked entities, by ${who}, according to these records.`
        : `A record states that a party blocked under ${ruleName} on ${at} controls it (the records give no share reaching ${rule.threshold}).`,
    );
  } else if (verdict === "UNDETERMINED") {
    parts.push(`These records do not settle whether it is owned ${rule.threshold} by ${who}.`);
    if (subject.blockedShareHigh !== subject.blockedShare)
      parts.push(
        `Records for the same owner overlap and disagree: read at their lowest, blocked owners hold ${pct(subject.blockedShare)}; at their highest, ${pct(subject.blockedShareHigh)}.`,
      );
    if (subject.unknownShares) parts.push(`${subject.unknownShares} blocked owner(s) hold a share no record states (not counted).`);
    if (s.truncated) parts.push("It has more ownership records than were read.");
  } else {
    parts.push(
      `Not owned ${rule.threshold} by ${who} according to these records: blocked owners hold ${pct(subject.blockedShare)} directly or through blocked entities.`,
    );
  }
  if (conflicting) parts.push("Some records in force add up to more than 100% for one entity: the data conflict.");
  if (s.depthLimited) parts.push("Owners above the depth read were not examined.");
  if (subject.listed) parts.push("The entity is itself sanctioned by these authorities on this date.");
  if (undated) parts.push("Some sanctions counted state no start or listing date; they are counted on every date.");
  return parts.join(" ");
}
