import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replay } from "../../server/history/replay.ts";
import { csvChanges, fileDate } from "../history/csv-diff.ts";
import { fixture } from "../import/helpers.ts";
import { errorCode, type GraphQLResponse, testApi } from "../support/api.ts";
import { WRITE_DEADLINE_MS } from "../support/auth.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

// The last six snapshots of the real OFAC extract (tests/fixtures/README.md), 2024-02-28 .. 2024-05-03.
const dir = fixture("ofac-history");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".csv") && f >= "sdn_2024-02-28" && f < "sdn_2024-05-04")
  .map((f) => join(dir, f))
  .sort();

describe("history in the API: sanctionedAt, listings, changes, listChanges", () => {
  const graph = testGraph();
  // A request deadline that is a ceiling for a hang, not a budget: cold plans of the path queries take seconds on a
  // busy machine (the default 10 s failed runs at a load average of 15), and what is asserted is the answer.
  const { query } = testApi(graph, { deadlineMs: WRITE_DEADLINE_MS });

  beforeAll(async () => {
    await resetDatabase(graph, { seed: false });
    await replay(graph, files);
    // The first run of a query compiles its plan; on a busy machine that alone can pass a query's time limit. Wait
    // until the dated graph queries answer (as one waits for health), so the tests below judge answers, not compiles.
    const warm = `{
      paths(from: "ofac-38557", to: "ofac-38279", at: "2024-05-02") { length }
      shortestPaths(from: "ofac-38557", to: "ofac-38279", at: "2024-05-02") { length }
      neighbourhood(id: "ofac-38556", at: "2024-05-02") { nodes { id sanctioned } omitted { count } }
      subgraph(ids: ["ofac-38556", "ofac-38279"], at: "2024-05-02") { edges { source { sanctioned } } omitted { count } }
      entity(id: "ofac-38556") { relationships(at: "2024-05-02") { totalCount } }
      search(query: "EMPEROR AVIATION", sanctioned: true, at: "2024-05-02") { totalCount }
    }`;
    for (let attempt = 0; attempt < 10 && (await query(warm)).errors; attempt++);
  }, 900_000);
  afterAll(() => graph.close());

  const entity = async (id: string, fields: string) => {
    const response = await query(`{ entity(id: "${id}") { ${fields} } }`);
    expect(response.errors).toBeUndefined();
    return response.data?.entity;
  };

  it("sanctionedAt: true before a delisting and false after; the opposite for an addition", async () => {
    const at = (id: string, dates: string[]) =>
      entity(id, dates.map((d, i) => `d${i}: sanctionedAt(date: "${d}")`).join(" ")).then((e) => Object.values(e));
    // EMPEROR AVIATION LTD, delisted in the snapshot of 2024-05-03.
    expect(await at("ofac-38556", ["2024-02-28", "2024-05-02", "2024-05-03", "2024-06"])).toEqual([true, true, false, false]);
    // MUGABE, Robert Gabriel, gone from the snapshot of 2024-04-25; "2024-03" means 2024-03-01.
    expect(await at("ofac-7480", ["2024-03", "2024-04-24", "2024-04-25"])).toEqual([true, true, false]);
    // YOUSSEF, Adnan Mahmoud, added in the snapshot of 2024-05-02.
    expect(await at("ofac-48321", ["2024-05-01", "2024-05-02"])).toEqual([false, true]);
  });

  it("sanctioned means sanctioned now; listings give the periods", async () => {
    expect(await entity("ofac-38556", "sanctioned listings { dataset from to } sanctions { active }")).toEqual({
      sanctioned: false,
      listings: [{ dataset: "us_ofac_sdn", from: "2024-02-28", to: "2024-05-03" }],
      sanctions: [{ active: false }],
    });
    expect(await entity("ofac-38279", "sanctioned listings { to }")).toEqual({ sanctioned: true, listings: [{ to: null }] });
  });

  it("Entity.changes: dated events, newest first, with an amendment's fields old and new", async () => {
    const e = await entity("ofac-7513", "changes(first: 5) { totalCount edges { node { kind date fields { field old new } } } }");
    expect(e.changes.totalCount).toBe(2);
    const [amended, added] = e.changes.edges.map((edge: { node: unknown }) => edge.node);
    expect(added).toEqual({ kind: "ADDED", date: "2024-02-28", fields: [] });
    expect(amended.kind).toBe("AMENDED");
    expect(amended.date).toBe("2024-04-25");
    expect(amended.fields.map((f: { field: string }) => f.field)).toEqual(["programs", "title", "remarks"]);
    expect(amended.fields[0].old).not.toEqual(amended.fields[0].new);
  });

  it("listChanges between consecutive snapshots lists exactly the records that differ, page by page", async () => {
    const expected = csvChanges(files);
    const dates = files.map(fileDate);
    for (let i = 1; i < dates.length; i++) {
      const ids: Record<string, string[]> = { ADDED: [], REMOVED: [], AMENDED: [] };
      let after: string | null = null;
      let total = -1;
      do {
        const response: GraphQLResponse = await query(
          `query($from: String!, $to: String!, $after: String) { listChanges(dataset: "us_ofac_sdn", from: $from, to: $to, first: 7, after: $after) {
            totalCount edges { node { kind date recordId entity { id } } } pageInfo { hasNextPage endCursor } } }`,
          { from: dates[i - 1], to: dates[i], after },
        );
        expect(response.errors).toBeUndefined();
        const page: any = response.data?.listChanges;
        total = page.totalCount;
        for (const { node } of page.edges) {
          expect(node.date).toBe(dates[i]);
          expect(node.entity.id).toBe(`ofac-${node.recordId}`);
          ids[node.kind].push(node.recordId);
        }
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      for (const list of Object.values(ids)) list.sort();
      expect(ids).toEqual(expected[dates[i]]);
      expect(total).toBe(Object.values(ids).flat().length);
    }
  });

  it("listChanges filters by kind; listHistory gives the snapshot range", async () => {
    const response = await query(`{
      listChanges(dataset: "us_ofac_sdn", from: "2024-02-28", to: "2024-05", kinds: [REMOVED]) { totalCount edges { node { kind } } }
      listHistory(dataset: "us_ofac_sdn") { date records }
    }`);
    expect(response.errors).toBeUndefined();
    const { listChanges, listHistory } = response.data as any;
    const expected = csvChanges(files);
    const removed = Object.entries(expected)
      .filter(([date]) => date > "2024-02-28")
      .reduce((n, [, k]) => n + k.REMOVED.length, 0);
    expect(listChanges.totalCount).toBe(removed);
    expect(new Set(listChanges.edges.map((e: { node: { kind: string } }) => e.node.kind))).toEqual(new Set(["REMOVED"]));
    expect(listHistory.map((s: { date: string }) => s.date)).toEqual(files.map(fileDate));
  });

  it("refuses impossible dates with BAD_USER_INPUT naming the argument", async () => {
    const bad = await query(`{ entity(id: "ofac-7480") { sanctionedAt(date: "2024-13-45") } }`);
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0].message).toContain(
      'Argument "date": must be an ISO date such as 2024-06-30 (or 2024-06, 2024), got "2024-13-45"',
    );
    const reversed = await query(`{ listChanges(dataset: "us_ofac_sdn", from: "2024-05-01", to: "2024-04") { totalCount } }`);
    expect(errorCode(reversed)).toBe("BAD_USER_INPUT");
    expect(reversed.errors?.[0].message).toContain('Argument "to"');
  });

  // 9H-AMN (ofac-38557) -> EMPEROR AVIATION LTD (ofac-38556) -> KERIMOVA, Gulnara (ofac-38279): both links are
  // stated by records delisted in the snapshot of 2024-05-03.
  it("a path through since-ended links is found as of a day before the change and not after", async () => {
    const ask = (at: string | null) =>
      query(
        `query($at: String) {
          paths(from: "ofac-38557", to: "ofac-38279", at: $at) { length nodes { id sanctioned } }
          shortestPaths(from: "ofac-38557", to: "ofac-38279", at: $at) { length }
        }`,
        { at },
      );
    const before = await ask("2024-05-02");
    expect(before.errors).toBeUndefined();
    expect(before.data?.paths.map((p: { length: number }) => p.length)).toEqual([2]);
    expect(before.data?.paths[0].nodes).toEqual([
      { id: "ofac-38557", sanctioned: true },
      { id: "ofac-38556", sanctioned: true },
      { id: "ofac-38279", sanctioned: true },
    ]);
    expect(before.data?.shortestPaths).toEqual([{ length: 2 }]);
    const after = await ask("2024-05-03");
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual({ paths: [], shortestPaths: [] });
    // Without `at`: today's graph, which keeps the ended links (drawn as ended by the client) with "sanctioned now".
    const now = await ask(null);
    expect(now.data?.paths[0].nodes.map((n: { sanctioned: boolean }) => n.sanctioned)).toEqual([false, false, true]);
  });

  it("neighbourhood, subgraph and Entity.relationships keep only the relationships valid that day", async () => {
    const ask = (at: string) =>
      query(
        `query($at: String) {
          neighbourhood(id: "ofac-38556", at: $at) { nodes { id sanctioned } edges { type source { id } target { id } } }
          subgraph(ids: ["ofac-38556", "ofac-38279", "ofac-38557"], at: $at) { edges { source { id } target { id } } }
          entity(id: "ofac-38556") { relationships(at: $at) { totalCount edges { other { id sanctioned } } } }
        }`,
        { at },
      );
    const before = await ask("2024-05-02");
    expect(before.errors).toBeUndefined();
    const { neighbourhood, subgraph, entity } = before.data as any;
    expect(neighbourhood.edges).toContainEqual({ type: "LINKED_TO", source: { id: "ofac-38556" }, target: { id: "ofac-38279" } });
    expect(neighbourhood.nodes.find((n: { id: string }) => n.id === "ofac-38556").sanctioned).toBe(true);
    expect(subgraph.edges).toHaveLength(2);
    expect(entity.relationships.totalCount).toBe(neighbourhood.edges.length);
    expect(entity.relationships.edges.map((e: { other: { sanctioned: boolean } }) => e.other.sanctioned)).not.toContain(false);
    const after = await ask("2024-05-03");
    expect(after.errors).toBeUndefined();
    expect((after.data as any).neighbourhood).toEqual({ nodes: [{ id: "ofac-38556", sanctioned: false }], edges: [] });
    expect((after.data as any).subgraph.edges).toEqual([]);
    expect((after.data as any).entity.relationships).toEqual({ totalCount: 0, edges: [] });
  });

  it("omitted counts only the relationships valid that day", async () => {
    // EMPEROR AVIATION alone on the canvas: every relationship valid that day leads outside, so its omitted count is
    // its relationships(at:) count.
    const ask = async (at: string | null) => {
      const r = await query(
        `query($at: String) {
          subgraph(ids: ["ofac-38556"], at: $at) { omitted { id count } }
          entity(id: "ofac-38556") { relationships(at: $at) { totalCount } }
        }`,
        { at },
      );
      expect(r.errors).toBeUndefined();
      const omitted = (r.data!.subgraph.omitted as { id: string; count: number }[]).find((o) => o.id === "ofac-38556")?.count ?? 0;
      return { omitted, valid: r.data?.entity.relationships.totalCount as number };
    };
    const before = await ask("2024-05-02");
    const after = await ask("2024-05-03");
    const now = await ask(null);
    expect(before.omitted).toBe(before.valid);
    expect(after.omitted).toBe(after.valid);
    expect(now.omitted).toBe(now.valid);
    // Its links (Linked To, stated by the records delisted with it) ended with the delisting; without `at` (today's
    // graph) the ended links are still counted.
    expect(before.omitted).toBeGreaterThan(0);
    expect(after.omitted).toBe(0);
    expect(now.omitted).toBe(before.omitted);
  });

  it("search: the sanctioned filter and field as of a day", async () => {
    const ask = async (at: string | null) => {
      const r = await query(
        `query($at: String) { search(query: "EMPEROR AVIATION", sanctioned: true, at: $at) { edges { node { id sanctioned } } } }`,
        {
          at,
        },
      );
      expect(r.errors).toBeUndefined();
      return r.data?.search.edges.map((e: { node: { id: string; sanctioned: boolean } }) => e.node) as {
        id: string;
        sanctioned: boolean;
      }[];
    };
    const before = await ask("2024-05-02");
    expect(before.map((n) => n.id)).toContain("ofac-38556");
    expect(before.every((n) => n.sanctioned)).toBe(true);
    expect((await ask("2024-05-03")).map((n) => n.id)).not.toContain("ofac-38556");
    expect((await ask(null)).map((n) => n.id)).not.toContain("ofac-38556");
    // Unfiltered, the field answers for the day asked.
    const field = await query(`{ d2: search(query: "EMPEROR AVIATION", at: "2024-05-02") { edges { node { id sanctioned } } }
      d3: search(query: "EMPEROR AVIATION", at: "2024-05-03") { edges { node { id sanctioned } } } }`);
    const of = (key: string) => field.data?.[key].edges.find((e: { node: { id: string } }) => e.node.id === "ofac-38556")?.node.sanctioned;
    expect([of("d2"), of("d3")]).toEqual([true, false]);
  });

  it("exposure and ownership: a party delisted since counts on a day it was listed, one added later not before", async () => {
    const ask = async (at: string | null) => {
      const r = await query(
        `query($at: String) {
          exposure(id: "ofac-38279", at: $at) { at totalCount parties { entity { id } distance sanctions { authority } } }
          delisted: ownership(id: "ofac-38556", at: $at) { listed nodes { sanctions { program } } }
          added: ownership(id: "ofac-48321", at: $at) { listed }
        }`,
        { at },
      );
      expect(r.errors).toBeUndefined();
      return r.data as any;
    };
    // EMPEROR AVIATION (ofac-38556, Linked To ofac-38279) was delisted on 2024-05-03, as was ofac-38557 behind it;
    // both have the `sanctioned` flag false now. YOUSSEF (ofac-48321) was added on 2024-05-02.
    const before = await ask("2024-05-02");
    const parties = before.exposure.parties.map((p: { entity: { id: string }; distance: number }) => [p.entity.id, p.distance]);
    expect(parties).toContainEqual(["ofac-38556", 1]);
    expect(parties).toContainEqual(["ofac-38557", 2]);
    for (const p of before.exposure.parties) expect(p.sanctions[0].authority).toMatch(/Office of Foreign Assets Control/);
    expect(before.delisted.listed).toBe(true);
    expect(before.delisted.nodes[0].sanctions.length).toBeGreaterThan(0);
    expect(before.added.listed).toBe(true);
    for (const at of ["2024-05-03", null]) {
      const after = await ask(at);
      const ids = after.exposure.parties.map((p: { entity: { id: string } }) => p.entity.id);
      expect(ids).not.toContain("ofac-38556");
      expect(ids).not.toContain("ofac-38557");
      expect(after.delisted).toEqual({ listed: false, nodes: [{ sanctions: [] }] });
    }
    // Its record carries no dates, so only its listing period says it was not sanctioned the day before.
    expect((await ask("2024-05-01")).added.listed).toBe(false);
  });

  it("refuses an impossible `at` with BAD_USER_INPUT", async () => {
    const bad = await query(`{ neighbourhood(id: "ofac-38556", at: "2024-13-45") { edges { id } } }`);
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0].message).toContain('Argument "at"');
  });
});
