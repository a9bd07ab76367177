/**
 * Saved investigations through the API on the real Neo4j with the seed: create, update, list one's own, open
 * read-only through the share link, and FORBIDDEN for another user's; bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode, testApi } from "../support/api.ts";
import { TEST_AUTH, tokenFor } from "../support/auth.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

const graph = testGraph();
const api = testApi(graph, { auth: TEST_AUTH });
const DEPARTMENT_53 = "ofac-52262";
const JONG = "ofac-52289";

const FIELDS = "id name owner entityIds notes layout filters shareToken createdAt updatedAt entities { id name }";
const SAVE = `mutation($input: InvestigationInput!) { saveInvestigation(input: $input) { ${FIELDS} } }`;
const layout = JSON.stringify({ layout: "fcose", positions: { [JONG]: { x: 10, y: -20 } } });
const filters = JSON.stringify({ hiddenSchemata: ["Address"], hiddenTypes: ["LINKED_TO"] });

let alice = "";
let bob = "";
let admin = "";
let saved: Record<string, any>;

beforeAll(async () => {
  await resetDatabase(graph);
  [alice, bob, admin] = await Promise.all([tokenFor("viewer", "alice"), tokenFor("editor", "bob"), tokenFor("admin", "root")]);
});

afterAll(() => graph.close());

describe("saved investigations", () => {
  it("are created by a signed-in user with entities, notes, layout and filters", async () => {
    const res = await api.query(
      SAVE,
      { input: { name: "Department 53", entityIds: [DEPARTMENT_53, JONG, JONG], notes: "Start here.", layout, filters } },
      { token: alice },
    );
    expect(res.errors).toBeUndefined();
    saved = res.data!.saveInvestigation;
    expect(saved).toMatchObject({ name: "Department 53", owner: "alice", entityIds: [DEPARTMENT_53, JONG], notes: "Start here." });
    expect(JSON.parse(saved.layout)).toEqual(JSON.parse(layout));
    expect(JSON.parse(saved.filters)).toEqual(JSON.parse(filters));
    expect(saved.shareToken).toMatch(/^[\w-]{20,}$/);
    expect(saved.entities.map((e: { id: string }) => e.id).sort()).toEqual([DEPARTMENT_53, JONG].sort());
  });

  it("need a token to save", async () => {
    const res = await api.query(SAVE, { input: { name: "Anonymous", entityIds: [JONG] } });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
  });

  it("are updated by their owner, keeping their id, creation time and share token", async () => {
    const res = await api.query(
      SAVE,
      { input: { id: saved.id, name: "Department 53 (2)", entityIds: [JONG], notes: "Narrowed.", layout, filters } },
      { token: alice },
    );
    expect(res.errors).toBeUndefined();
    const updated = res.data!.saveInvestigation;
    expect(updated).toMatchObject({ id: saved.id, name: "Department 53 (2)", entityIds: [JONG], notes: "Narrowed." });
    expect([updated.createdAt, updated.shareToken]).toEqual([saved.createdAt, saved.shareToken]);
    expect(updated.updatedAt >= saved.updatedAt).toBe(true);
    saved = updated;
  });

  it("are listed to their owner only", async () => {
    expect((await api.query(SAVE, { input: { name: "Bob's", entityIds: [DEPARTMENT_53] } }, { token: bob })).errors).toBeUndefined();
    const list = async (token: string) =>
      (await api.query(`{ investigations { name owner } }`, {}, { token })).data!.investigations as { name: string; owner: string }[];
    expect(await list(alice)).toEqual([{ name: "Department 53 (2)", owner: "alice" }]);
    expect(await list(bob)).toEqual([{ name: "Bob's", owner: "bob" }]);
    expect(errorCode(await api.query(`{ investigations { id } }`))).toBe("UNAUTHENTICATED");
  });

  it("are FORBIDDEN to another user, to open by id or to overwrite, and nothing changes", async () => {
    const open = `query($id: ID!) { investigation(id: $id) { name shareToken } }`;
    expect((await api.query(open, { id: saved.id }, { token: alice })).data!.investigation).toEqual({
      name: "Department 53 (2)",
      shareToken: saved.shareToken,
    });
    const read = await api.query(open, { id: saved.id }, { token: bob });
    expect(errorCode(read)).toBe("FORBIDDEN");
    expect(read.errors?.[0].message).toMatch(/belongs to another user/);
    const overwrite = await api.query(SAVE, { input: { id: saved.id, name: "Mine now", entityIds: [] } }, { token: bob });
    expect(errorCode(overwrite)).toBe("FORBIDDEN");
    // An admin may read it, but does not get its share token.
    expect((await api.query(open, { id: saved.id }, { token: admin })).data!.investigation).toEqual({
      name: "Department 53 (2)",
      shareToken: null,
    });
    expect((await api.query(`{ investigations { name entityIds } }`, {}, { token: alice })).data!.investigations).toEqual([
      { name: "Department 53 (2)", entityIds: [JONG] },
    ]);
    expect((await api.query(open, { id: "no-such-investigation" }, { token: alice })).data!.investigation).toBeNull();
  });

  it("open read-only through the share link, without a token, and without the share token", async () => {
    const shared = `query($token: String!) { sharedInvestigation(token: $token) { ${FIELDS} } }`;
    const res = await api.query(shared, { token: saved.shareToken });
    expect(res.data!.sharedInvestigation).toEqual({ ...saved, shareToken: null });
    expect((await api.query(shared, { token: "not-a-share-token" })).data!.sharedInvestigation).toBeNull();
  });

  it("refuse bad input with BAD_USER_INPUT naming the field, saving nothing", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: " ", entityIds: [] }, /input\.name/],
      [{ name: "x", entityIds: [], layout: "{not json" }, /input\.layout.*JSON/],
      [{ name: "x", entityIds: [], filters: JSON.stringify({ big: "x".repeat(21_000) }) }, /input\.filters.*20 kB/],
      [{ name: "x", entityIds: Array.from({ length: 501 }, (_, i) => `e${i}`) }, /input\.entityIds/],
    ];
    for (const [input, message] of cases) {
      const res = await api.query(SAVE, { input }, { token: alice });
      expect(errorCode(res), JSON.stringify(input).slice(0, 80)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0].message).toMatch(message);
    }
    expect((await api.query(`{ investigations { id } }`, {}, { token: alice })).data!.investigations).toHaveLength(1);
  });
});
