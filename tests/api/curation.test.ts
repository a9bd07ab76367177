import { beforeAll, describe, expect, it } from "vitest";
import { exportAudit } from "../../server/export/audit.ts";
import { importFiles } from "../../server/import/index.ts";
import { fingerprint, fixture } from "../import/helpers.ts";
import { errorCode, seededApi, testApi } from "../support/api.ts";
import { PRESS_SOURCE, TEST_AUTH, tokenFor, WRITE_DEADLINE_MS } from "../support/auth.ts";

const { graph } = seededApi();
const api = testApi(graph, { auth: TEST_AUTH, deadlineMs: WRITE_DEADLINE_MS });
const SON = "ofac-52286";
const LIAONING = "ofac-52264";
const LISTED_ELSEWHERE = "ofac-990001"; // from the OFAC advanced XML fixture

let editor = "";
let admin = "";
let viewer = "";
beforeAll(async () => {
  [editor, admin, viewer] = await Promise.all([tokenFor("editor", "alice"), tokenFor("admin", "root"), tokenFor("viewer", "vic")]);
});

const ADD = `mutation($input: AddRelationshipInput!) {
  addRelationship(input: $input) { replayed event { id operation actor entityIds } relationship { id type analyst datasets source { id } target { id } sources { publisher url excerpt } } }
}`;
const RETRACT = `mutation($input: RetractRelationshipInput!) { retractRelationship(input: $input) { event { operation reason } } }`;
const PATH = `query($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, maxHops: 1) { hops { relationship { id analyst sources { publisher excerpt } } } } }`;

const link = (clientId: string, source = SON, target = LIAONING) => ({
  clientId,
  type: "ASSOCIATE",
  source,
  target,
  role: "shares an office with",
  sources: [PRESS_SOURCE],
});

describe("an analyst link between two listed entities", () => {
  let id = "";

  it("is added with its source, marked analyst", async () => {
    const res = await api.query(ADD, { input: link("link-1") }, { token: editor });
    expect(res.errors).toBeUndefined();
    const { relationship, event, replayed } = res.data!.addRelationship;
    id = relationship.id;
    expect(replayed).toBe(false);
    expect(relationship).toMatchObject({
      type: "ASSOCIATE",
      analyst: true,
      datasets: ["analyst"],
      source: { id: SON },
      target: { id: LIAONING },
    });
    expect(relationship.sources).toEqual([{ publisher: PRESS_SOURCE.publisher, url: PRESS_SOURCE.url, excerpt: PRESS_SOURCE.excerpt }]);
    expect(event).toMatchObject({ operation: "ADD_RELATIONSHIP", actor: "alice", entityIds: [SON, LIAONING] });
  });

  it("carries a path query, with the analyst source on the hop", async () => {
    const res = await api.query(PATH, { from: SON, to: LIAONING });
    const [hop] = res.data!.shortestPaths[0].hops;
    expect(hop.relationship).toMatchObject({ id, analyst: true });
    expect(hop.relationship.sources[0]).toEqual({ publisher: PRESS_SOURCE.publisher, excerpt: PRESS_SOURCE.excerpt });
  });

  it("is written once per client id: a retry replays the first result", async () => {
    const before = await fingerprint(graph);
    const res = await api.query(ADD, { input: link("link-1") }, { token: editor });
    expect(res.data!.addRelationship).toMatchObject({ replayed: true, relationship: { id } });
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("refuses a client id reused for another write (CONFLICT), changing nothing", async () => {
    const before = await fingerprint(graph);
    const res = await api.query(ADD, { input: { ...link("link-1"), role: "something else" } }, { token: editor });
    expect(errorCode(res)).toBe("CONFLICT");
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("stays through a list re-import", async () => {
    await importFiles(graph, "ofac-xml", [fixture("ofac-advanced", "sdn_advanced_small.xml")]);
    const crossList = await api.query(ADD, { input: link("link-2", LISTED_ELSEWHERE, SON) }, { token: editor });
    expect(crossList.errors).toBeUndefined();
    await importFiles(graph, "ofac-xml", [fixture("ofac-advanced", "sdn_advanced_small.xml")]);
    for (const [from, to] of [
      [SON, LIAONING],
      [LISTED_ELSEWHERE, SON],
    ]) {
      const res = await api.query(PATH, { from, to });
      expect(res.data!.shortestPaths[0].hops[0].relationship).toMatchObject({ analyst: true });
    }
  });

  it("once retracted, leaves paths but not the audit log", async () => {
    const retract = await api.query(
      RETRACT,
      {
        input: {
          clientId: "retract-1",
          id,
          entity: LIAONING,
          reason: "The paper corrected its report.",
          sources: [{ ...PRESS_SOURCE, url: "https://example.org/corrections/1" }],
        },
      },
      { token: editor },
    );
    expect(retract.errors).toBeUndefined();
    expect((await api.query(PATH, { from: SON, to: LIAONING })).data!.shortestPaths).toEqual([]);
    const log = await api.query(
      `query($e: ID) { auditLog(entity: $e) { totalCount events { operation targetId actor before after sources { url } } } }`,
      { e: id },
      { token: admin },
    );
    expect(log.data!.auditLog.events.map((e: { operation: string }) => e.operation)).toEqual(["RETRACT_RELATIONSHIP", "ADD_RELATIONSHIP"]);
    const [retraction] = log.data!.auditLog.events;
    expect(JSON.parse(retraction.before)).toMatchObject({ id, type: "ASSOCIATE" });
    expect(JSON.parse(retraction.after)).toMatchObject({ id, retractedType: "ASSOCIATE", retractedBy: "alice" });
  });

  it("a list relationship cannot be retracted", async () => {
    const res = await api.query(
      RETRACT,
      { input: { clientId: "retract-list", id: "seed-rel-liaoning-front", entity: LIAONING, reason: "x", sources: [PRESS_SOURCE] } },
      { token: editor },
    );
    expect(["BAD_USER_INPUT", "NOT_FOUND"]).toContain(errorCode(res));
  });
});

describe("entities", () => {
  it("are created with FtM properties and amended with more values, both audited", async () => {
    const created = await api.query(
      `mutation($input: CreateEntityInput!) { createEntity(input: $input) { entity { id schema name aliases countries analyst sources { publisher } } } }`,
      {
        input: {
          clientId: "entity-1",
          schema: "Company",
          properties: [
            { name: "name", values: ["Sunrise Shell Trading Ltd"] },
            { name: "country", values: ["HK"] },
          ],
          sources: [PRESS_SOURCE],
        },
      },
      { token: editor },
    );
    expect(created.errors).toBeUndefined();
    const entity = created.data!.createEntity.entity;
    expect(entity).toMatchObject({ schema: "Company", name: "Sunrise Shell Trading Ltd", countries: ["hk"], analyst: true });
    const amended = await api.query(
      `mutation($input: AmendEntityInput!) { amendEntity(input: $input) { entity { aliases analyst datasets } event { before after } } }`,
      {
        input: {
          clientId: "amend-1",
          id: SON,
          properties: [{ name: "alias", values: ["Son Kyong-sik (press spelling)"] }],
          sources: [PRESS_SOURCE],
        },
      },
      { token: editor },
    );
    expect(amended.errors).toBeUndefined();
    const { entity: son, event } = amended.data!.amendEntity;
    expect(son.aliases).toContain("Son Kyong-sik (press spelling)");
    expect(son.analyst).toBe(false); // a list entity an analyst amended is still a list entity
    expect(son.datasets).toContain("analyst");
    expect(JSON.parse(event.before).aliases).not.toContain("Son Kyong-sik (press spelling)");
  });

  it("are found by search, under their name and under an alias added later", async () => {
    const found = async (q: string) => {
      const res = await api.query(`query($q: String!) { search(query: $q, first: 5) { edges { node { id } } } }`, { q });
      expect(res.errors).toBeUndefined();
      return res.data!.search.edges.map((e: { node: { id: string } }) => e.node.id);
    };
    const created = await api.query(
      `mutation($input: CreateEntityInput!) { createEntity(input: $input) { entity { id } } }`,
      {
        input: {
          clientId: "entity-search",
          schema: "Company",
          properties: [{ name: "name", values: ["Quorvex Maritime Holdings"] }],
          sources: [PRESS_SOURCE],
        },
      },
      { token: editor },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createEntity.entity.id;
    expect(await found("Quorvex Maritime")).toContain(id);
    const amended = await api.query(
      `mutation($input: AmendEntityInput!) { amendEntity(input: $input) { entity { id } } }`,
      { input: { clientId: "amend-search", id, properties: [{ name: "alias", values: ["Zentharo Shipping"] }], sources: [PRESS_SOURCE] } },
      { token: editor },
    );
    expect(amended.errors).toBeUndefined();
    expect(await found("Zentharo Shipping")).toContain(id);
  });

  it("relationships end with a date and a source", async () => {
    const added = await api.query(ADD, { input: { ...link("link-3"), type: "EMPLOYED_BY", startDate: "2019" } }, { token: editor });
    const id = added.data!.addRelationship.relationship.id;
    const res = await api.query(
      `mutation($input: EndRelationshipInput!) { endRelationship(input: $input) { relationship { id endDate startDate } } }`,
      { input: { clientId: "end-1", id, entity: SON, endDate: "2023-06", sources: [PRESS_SOURCE] } },
      { token: editor },
    );
    expect(res.data!.endRelationship.relationship).toEqual({ id, startDate: "2019", endDate: "2023-06" });
  });
});

describe("bad writes get coded errors and change nothing", () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    [
      "an unknown schema",
      "createEntity",
      { clientId: "bad-1", schema: "Spaceship", properties: [{ name: "name", values: ["X"] }], sources: [PRESS_SOURCE] },
      "BAD_USER_INPUT",
    ],
    ["a type outside the vocabulary", "addRelationship", { ...link("bad-2"), type: "BFF_OF" }, "BAD_USER_INPUT"],
    ["no source", "addRelationship", { ...link("bad-3"), sources: [] }, "BAD_USER_INPUT"],
    ["a source with neither URL nor title", "addRelationship", { ...link("bad-4"), sources: [{ publisher: "Someone" }] }, "BAD_USER_INPUT"],
    ["an id that does not exist", "addRelationship", link("bad-6", SON, "no-such-entity"), "NOT_FOUND"],
    [
      "amending an id that does not exist",
      "amendEntity",
      { clientId: "bad-7", id: "no-such-entity", properties: [{ name: "alias", values: ["x"] }], sources: [PRESS_SOURCE] },
      "NOT_FOUND",
    ],
    ["a bad date", "addRelationship", { ...link("bad-8"), startDate: "last spring" }, "BAD_USER_INPUT"],
    [
      "a graph-internal property",
      "amendEntity",
      { clientId: "bad-9", id: SON, properties: [{ name: "sanctioned", values: ["false"] }], sources: [PRESS_SOURCE] },
      "BAD_USER_INPUT",
    ],
  ];
  const INPUT_TYPES: Record<string, string> = {
    createEntity: "CreateEntityInput",
    addRelationship: "AddRelationshipInput",
    amendEntity: "AmendEntityInput",
  };

  for (const [what, mutation, input, code] of cases) {
    it(`${what}: ${code}`, async () => {
      const before = await fingerprint(graph);
      const res = await api.query(
        `mutation($input: ${INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { replayed } }`,
        { input },
        { token: editor },
      );
      expect(errorCode(res)).toBe(code);
      expect(res.errors?.[0].message).toMatch(/input|id/);
      expect(await fingerprint(graph)).toEqual(before);
    });
  }
});

describe("oversized values", () => {
  it("a 100 kB property value: BAD_USER_INPUT naming the value; a 1 MB one: REQUEST_ENTITY_TOO_LARGE; nothing changes", async () => {
    const before = await fingerprint(graph);
    const amend = (value: string) =>
      api.query(
        `mutation($input: AmendEntityInput!) { amendEntity(input: $input) { replayed } }`,
        { input: { clientId: `big-${value.length}`, id: SON, properties: [{ name: "notes", values: [value] }], sources: [PRESS_SOURCE] } },
        { token: editor },
      );
    const large = await amend("x".repeat(100_000));
    expect(errorCode(large)).toBe("BAD_USER_INPUT");
    expect(large.errors?.[0].message).toMatch(/input.properties\[0\].values\[0\].*at most 5000/);
    expect(errorCode(await amend("x".repeat(1_000_000)))).toBe("REQUEST_ENTITY_TOO_LARGE");
    expect(await fingerprint(graph)).toEqual(before);
  });
});

describe("the audit log", () => {
  it("is readable by actor for admins and for oneself, not for others", async () => {
    const byAlice = `{ auditLog(actor: "alice") { totalCount events { actor } } }`;
    const asAdmin = await api.query(byAlice, {}, { token: admin });
    expect(asAdmin.data!.auditLog.totalCount).toBeGreaterThanOrEqual(5);
    expect(new Set(asAdmin.data!.auditLog.events.map((e: { actor: string }) => e.actor))).toEqual(new Set(["alice"]));
    expect((await api.query(byAlice, {}, { token: editor })).data!.auditLog.totalCount).toBe(asAdmin.data!.auditLog.totalCount);
    expect(errorCode(await api.query(byAlice, {}, { token: viewer }))).toBe("FORBIDDEN");
    expect(errorCode(await api.query(`{ auditLog { totalCount } }`, {}, { token: editor }))).toBe("FORBIDDEN");
    expect(errorCode(await api.query(`{ auditLog { totalCount } }`))).toBe("UNAUTHENTICATED");
  });

  it("is exported, oldest first, with before and after as objects", async () => {
    const events = [];
    for await (const event of exportAudit(graph, 2)) events.push(event);
    const total = (await api.query(`{ auditLog { totalCount } }`, {}, { token: admin })).data!.auditLog.totalCount;
    expect(events).toHaveLength(total);
    expect(events.map((e) => e.at)).toEqual(events.map((e) => e.at).sort());
    const retraction = events.find((e) => e.operation === "RETRACT_RELATIONSHIP") as Record<string, any>;
    expect(retraction.after).toMatchObject({ retractedType: "ASSOCIATE", retractedBy: "alice" });
    expect(retraction.sourceIds.length).toBe(1);
  });
});
