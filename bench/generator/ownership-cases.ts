/**
 * Ownership structures with known answers (docs/ownership.md), as FtM entities: aggregate ownership by two
 * blocked owners, ownership through a blocked and through an unblocked intermediary, ended ownership, missing
 * percentages, cycles, overlapping records, shares above 100% and control. Two persons, A and B, are sanctioned
 * by OFAC and by the EU from 2012-01-01; everything else is unlisted. `expected` gives each case's verdict under
 * each rule on a date, so tests (and anyone reading the file) can check the rules exactly.
 * `npm run generate -- --entities N --ownership-cases` appends them to a generated network.
 */
import type { FtmEntity } from "../../server/import/readers/ftm-lines.ts";

export interface OwnershipExpectation {
  case: string;
  subject: string;
  rule: "OFAC_50" | "EU_50";
  at: string;
  verdict: "BLOCKED" | "UNDETERMINED" | "NOT_BLOCKED";
  blockedShare: number;
  blockedShareHigh?: number;
  unknownShares?: number;
  conflictingData?: boolean;
  /** The chain's owners, top first, for the first chain (when the verdict has one). */
  chain?: string[];
}

const P = "own-";
const datasets = ["synthetic_ownership_cases"];
const SINCE = "2012-01-01";

/** The cases' companies: [id, name]. */
const COMPANIES: [string, string][] = [
  ["aggregate-50", "Aggregate Fifty Trading"],
  ["aggregate-60", "Aggregate Sixty Trading"],
  ["via-blocked", "Blocked Intermediary Holding"],
  ["via-blocked-target", "Owned Through Blocked Intermediary"],
  ["via-unblocked", "Unblocked Intermediary Holding"],
  ["via-unblocked-target", "Owned Through Unblocked Intermediary"],
  ["ended", "Formerly Owned Shipping"],
  ["unknown-share", "Unknown Share Trading"],
  ["cycle-x", "Cycle X Holding"],
  ["cycle-y", "Cycle Y Holding"],
  ["loop-p", "Closed Loop P"],
  ["loop-q", "Closed Loop Q"],
  ["over-100", "Over Hundred Trading"],
  ["other-owner", "Unlisted Co-Owner"],
  ["overlap", "Overlapping Records Trading"],
  ["controlled", "Controlled Front Trading"],
];

/** The ownership records: [owner, asset, percentage, startDate, endDate] (a missing percentage is an unknown share). */
const HOLDINGS: [string, string, string?, string?, string?][] = [
  ["a", "aggregate-50", "25"],
  ["b", "aggregate-50", "25"],
  ["a", "aggregate-60", "30"],
  ["b", "aggregate-60", "30"],
  ["a", "via-blocked", "60"],
  ["via-blocked", "via-blocked-target", "50"],
  ["a", "via-unblocked", "40"],
  ["via-unblocked", "via-unblocked-target", "100"],
  ["a", "ended", "60", "2010-01-01", "2015-12-31"],
  ["a", "unknown-share"],
  ["a", "cycle-x", "50"],
  ["cycle-x", "cycle-y", "50"],
  ["cycle-y", "cycle-x", "50"],
  ["loop-p", "loop-q", "60"],
  ["loop-q", "loop-p", "60"],
  ["a", "over-100", "70"],
  ["other-owner", "over-100", "60"],
  ["a", "overlap", "45", "2013-01-01"],
  ["a", "overlap", "55", "2014-01-01"],
];

/** FtM properties from optional single values: a missing value is no property. */
const props = (values: Record<string, string | undefined>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, [v]]])));

export function ownershipCases(): { entities: FtmEntity[]; expected: OwnershipExpectation[] } {
  const entities: FtmEntity[] = [];
  const add = (id: string, schema: string, values: Record<string, string | undefined>) =>
    entities.push({ id: P + id, schema, properties: props(values), datasets });
  for (const who of ["a", "b"]) {
    add(who, "Person", { name: `Blocked Person ${who.toUpperCase()}`, country: "kp" });
    for (const [authority, program] of [
      ["Office of Foreign Assets Control", "SYN-OFAC"],
      ["Council of the European Union", "SYN-EU"],
    ])
      add(`sanction-${who}-${program.toLowerCase()}`, "Sanction", { entity: P + who, authority, program, startDate: SINCE });
  }
  for (const [id, name] of COMPANIES) add(id, "Company", { name, country: "kp" });
  let links = 0;
  for (const [owner, asset, percentage, startDate, endDate] of HOLDINGS)
    add(`ownership-${++links}`, "Ownership", { owner: P + owner, asset: P + asset, percentage, startDate, endDate });
  add(`control-${++links}`, "Control", { controller: `${P}a`, controlled: `${P}controlled`, role: "controls" });

  const id = (s: string) => P + s;
  const now = "2024-06-30";
  const expect = (
    c: string,
    rule: OwnershipExpectation["rule"],
    verdict: OwnershipExpectation["verdict"],
    blockedShare: number,
    more: Partial<OwnershipExpectation> = {},
  ): OwnershipExpectation => ({ case: c, subject: id(c), rule, at: now, verdict, blockedShare, ...more });
  const expected: OwnershipExpectation[] = [
    // OFAC aggregates: 25 + 25 reaches 50% or more; the EU needs more than 50%.
    expect("aggregate-50", "OFAC_50", "BLOCKED", 50, { chain: [id("a")] }),
    expect("aggregate-50", "EU_50", "NOT_BLOCKED", 50),
    expect("aggregate-60", "EU_50", "BLOCKED", 60),
    // A blocked intermediary passes its 50% on; an unblocked one (A holds only 40% of it) passes nothing.
    expect("via-blocked-target", "OFAC_50", "BLOCKED", 50, { chain: [id("a"), id("via-blocked")] }),
    expect("via-unblocked-target", "OFAC_50", "NOT_BLOCKED", 0),
    // Ownership that ended in 2015 counts only before; before 2012 A was not yet sanctioned.
    expect("ended", "OFAC_50", "NOT_BLOCKED", 0),
    { ...expect("ended", "OFAC_50", "BLOCKED", 60), at: "2014-06-01" },
    { ...expect("ended", "OFAC_50", "NOT_BLOCKED", 0), at: "2011-06-01" },
    // A missing percentage is "share unknown": never counted as 50%, and it leaves the answer open.
    expect("unknown-share", "OFAC_50", "UNDETERMINED", 0, { unknownShares: 1 }),
    // Cycles: X is blocked by A's 50%, Y by X's; the closed loop with no blocked party is not blocked, and ends.
    expect("cycle-y", "OFAC_50", "BLOCKED", 50, { chain: [id("a"), id("cycle-x")] }),
    expect("loop-p", "OFAC_50", "NOT_BLOCKED", 0),
    // 70% + 60% = 130% of one company: blocked (70%), and flagged as conflicting data.
    expect("over-100", "OFAC_50", "BLOCKED", 70, { conflictingData: true }),
    // Two records for A in force together (45% and 55%): a range, not a sum; before 2014 only the 45% one.
    expect("overlap", "OFAC_50", "UNDETERMINED", 45, { blockedShareHigh: 55, conflictingData: false }),
    { ...expect("overlap", "OFAC_50", "NOT_BLOCKED", 45), at: "2013-06-01" },
    // Control counts for the EU rule only.
    expect("controlled", "EU_50", "BLOCKED", 0, { chain: [id("a")] }),
    expect("controlled", "OFAC_50", "NOT_BLOCKED", 0),
  ];
  return { entities, expected };
}
