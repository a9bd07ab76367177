import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownershipCases } from "../../bench/generator/ownership-cases.ts";
import { importFiles } from "../../server/import/index.ts";
import { realData } from "../import/helpers.ts";
import { errorCode, testApi } from "../support/api.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

const LLC_CST = "NK-abdzbEBkqyT29GyREbiURZ";
const ZAKHAROV = "NK-aU5ybkbRFJucf8YMwsJvDw";
const HUB = "test-hub-company";
const HUB_OWNERS = 20_000;

const OWNERSHIP = `query($id: ID!, $rule: OwnershipRule, $at: String, $authorities: [String!], $maxDepth: Int) {
  ownership(id: $id, rule: $rule, at: $at, authorities: $authorities, maxDepth: $maxDepth) {
    entity { id } rule at authorities verdict blockedByOwnership statement listed blockedShare blockedShareHigh unknownShares
    conflictingData depthLimited truncated
    chains { links { owner asset share counted } }
    nodes { entity { id } depth listed blocked reason blockedShare recordedTotal conflicting sanctions { authority } }
    links { owner asset share control counted overlapping relationship { id startDate endDate sources { title } } }
  }
}`;

const graph = testGraph();
const { query } = testApi(graph);
const cases = ownershipCases();

beforeAll(async () => {
  await resetDatabase(graph);
  const file = join(mkdtempSync(join(tmpdir(), "ownership-test-")), "cases.ftm.json");
  writeFileSync(file, `${cases.entities.map((e) => JSON.stringify(e)).join("\n")}\n`);
  await importFiles(graph, "ftm", [file, realData("opensanctions-ftm", "zala_entities.ftm.json")]);
  // A company with 20,000 owners, every 100th of them sanctioned by OFAC and holding 0.3% (200 x 0.3% = 60%).
  await graph.driver.executeQuery(
    `CREATE (h:Entity {id: $hub, schema: 'Company', name: 'Widely Held Company'})
     WITH h UNWIND range(1, $owners) AS i
     CREATE (o:Entity {id: 'test-hub-owner-' + i, schema: 'Person', name: 'Shareholder ' + i, sanctioned: i % 100 = 0})
     CREATE (o)-[:OWNS {id: 'test-hub-own-' + i, percentage: [CASE WHEN i % 100 = 0 THEN '0.3' ELSE '0.002' END]}]->(h)
     WITH o, i WHERE i % 100 = 0
     CREATE (o)-[:HAS_SANCTION]->(:Sanction {id: 'test-hub-sanction-' + i, authority: 'Office of Foreign Assets Control', program: 'TEST'})`,
    { hub: HUB, owners: HUB_OWNERS },
    { database: graph.database },
  );
  // The first run of each query compiles its plan; on a busy machine that alone can pass the request's deadline.
  // Wait until the query answers (as one waits for health), so that the cases below measure answers, not compiles.
  for (let attempt = 0; attempt < 10; attempt++) {
    const res = await query(OWNERSHIP, { id: LLC_CST });
    if (!res.errors) break;
  }
}, 600_000);
afterAll(() => graph.close());

const ownership = async (variables: Record<string, unknown>) => {
  const res = await query(OWNERSHIP, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.ownership;
};

describe("ownership on generated cases with known answers", () => {
  for (const c of cases.expected) {
    it(`${c.case}: ${c.rule} on ${c.at} is ${c.verdict} (${c.blockedShare}%)`, async () => {
      const o = await ownership({ id: c.subject, rule: c.rule, at: c.at });
      expect(o.verdict).toBe(c.verdict);
      expect(o.blockedByOwnership).toBe(c.verdict === "BLOCKED");
      expect(o.blockedShare).toBe(c.blockedShare);
      expect(o.blockedShareHigh).toBe(c.blockedShareHigh ?? c.blockedShare);
      expect(o.unknownShares).toBe(c.unknownShares ?? 0);
      expect(o.conflictingData).toBe(c.conflictingData ?? false);
      if (c.chain) expect(o.chains[0].links.map((l: { owner: string }) => l.owner)).toEqual(c.chain);
      // Chains show where blocked shares come from, even below the threshold; none when no blocked owner holds any.
      if (c.blockedShare === 0 && c.verdict === "NOT_BLOCKED") expect(o.chains).toEqual([]);
    });
  }

  it("words the verdict without claiming more than the records", async () => {
    const blocked = await ownership({ id: "own-aggregate-50", rule: "OFAC_50", at: "2024-06-30" });
    expect(blocked.statement).toMatch(/^Owned 50% or more \(50%\) in the aggregate.*according to these records\./);
    expect(blocked.statement).not.toMatch(/controlled by/i);
    const unknown = await ownership({ id: "own-unknown-share", at: "2024-06-30" });
    expect(unknown.statement).toMatch(/share no record states/);
    expect(unknown.links[0].share).toBeNull();
  });

  it("ends on cycles and reads each entity once", async () => {
    const o = await ownership({ id: "own-loop-p", at: "2024-06-30" });
    expect(o.nodes.map((n: { entity: { id: string } }) => n.entity.id).sort()).toEqual(["own-loop-p", "own-loop-q"]);
    expect(o.links).toHaveLength(2);
  });
});

describe("ownership on the real Zala file (LLC CST)", () => {
  it("today: blocked through Alexander Zakharov's 51%, the ended 50% and 48% records no longer count", async () => {
    const o = await ownership({ id: LLC_CST, at: "2026-01-01" });
    expect(o.verdict).toBe("BLOCKED");
    expect(o.blockedShare).toBe(51);
    expect(o.listed).toBe(true);
    expect(o.chains).toEqual([{ links: [{ owner: ZAKHAROV, asset: LLC_CST, share: 51, counted: true }] }]);
    expect(o.conflictingData).toBe(false);
    const shares = o.links.filter((l: { asset: string }) => l.asset === LLC_CST).map((l: { share: number | null }) => l.share);
    // Kalashnikov's 49% and its "subsidiary of" record without a percentage (share unknown).
    expect(shares.sort()).toEqual([49, 51, null]);
    for (const link of o.links) expect(link.relationship.sources.length).toBeGreaterThan(0);
  });

  it("on 2022-06-01: records add up to 201%, Zakharov's three overlap (48-51%), so the records do not settle it", async () => {
    const o = await ownership({ id: LLC_CST, at: "2022-06-01" });
    expect(o.verdict).toBe("UNDETERMINED");
    expect(o.conflictingData).toBe(true);
    expect(o.nodes[0].recordedTotal).toBe(201);
    expect(o.blockedShare).toBe(48);
    expect(o.blockedShareHigh).toBe(51);
    const zakharov = o.links.filter((l: { owner: string }) => l.owner === ZAKHAROV);
    expect(zakharov.map((l: { share: number }) => l.share).sort()).toEqual([48, 50, 51]);
    expect(zakharov.every((l: { overlapping: boolean }) => l.overlapping)).toBe(true);
    expect(o.statement).toMatch(/more than 100%/);
  });

  it("on 2024-06-01: Zakharov 51% and Kalashnikov 49% in force, 100% in all", async () => {
    const o = await ownership({ id: LLC_CST, at: "2024-06-01" });
    expect(o.verdict).toBe("BLOCKED");
    expect(o.nodes[0].recordedTotal).toBe(100);
    expect(o.conflictingData).toBe(false);
  });

  it("under EU_50 on 2026-01-01: more than 50% held by an EU-designated person", async () => {
    const o = await ownership({ id: LLC_CST, rule: "EU_50", at: "2026-01-01" });
    expect(o.verdict).toBe("BLOCKED");
    expect(o.authorities).toContain("european union");
    const zakharov = o.nodes.find((n: { entity: { id: string } }) => n.entity.id === ZAKHAROV);
    expect(zakharov.sanctions.length).toBeGreaterThan(0);
  });
});

describe("a company with 20,000 owners", () => {
  it("answers within its bounds: reads the capped number of records, sanctioned owners first, and says it was cut", async () => {
    const o = await ownership({ id: HUB, at: "2026-01-01" });
    expect(o.truncated).toBe(true);
    expect(o.links.length).toBe(2000);
    expect(o.blockedShare).toBe(60);
    expect(o.verdict).toBe("BLOCKED");
  });

  it("exposure from one owner does not walk through the hub unless the degree cap allows it", async () => {
    const exposure = `query($maxDegree: Int) { exposure(id: "test-hub-owner-1", maxHops: 2, maxDegree: $maxDegree, first: 5) {
      totalCount complete maxDegree parties { distance } } }`;
    const capped = await query(exposure, {});
    expect(capped.errors).toBeUndefined();
    expect(capped.data!.exposure.totalCount).toBe(0);
    const open = await query(exposure, { maxDegree: 100_000 });
    expect(open.errors).toBeUndefined();
    expect(open.data!.exposure.totalCount).toBe(HUB_OWNERS / 100);
    expect(open.data!.exposure.complete).toBe(true);
  });
});

describe("bad arguments", () => {
  it("get coded errors", async () => {
    expect(errorCode(await query(OWNERSHIP, { id: LLC_CST, at: "yesterday" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await query(OWNERSHIP, { id: LLC_CST, maxDepth: 0 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await query(OWNERSHIP, { id: LLC_CST, authorities: [] }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await query(OWNERSHIP, { id: "nobody" }))).toBe("NOT_FOUND");
    expect((await query(OWNERSHIP, { id: LLC_CST, rule: "UK_25" })).errors?.[0].message).toMatch(/OwnershipRule/);
  });
});
