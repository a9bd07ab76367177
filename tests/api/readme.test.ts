/**
 * The README's examples are true: every GraphQL operation in it (the fenced ```graphql query blocks and the inline
 * `neighbourhood(...)` example) runs on the seeded API without errors and answers what the README says it answers;
 * every `npm run import` / `npm run export` line names a format the CLIs know and files that exist.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMATS } from "../../server/import/index.ts";
import { projectRoot } from "../../server/paths.ts";
import { seededApi, testApi } from "../support/api.ts";
import { TEST_AUTH, tokenFor } from "../support/auth.ts";

const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
const { api, graph } = seededApi();

/** The ```graphql blocks that are operations (not the SDL excerpt of `type Query`). */
const operations = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]).filter((block) => block.trimStart().startsWith("{"));

/** Inline operations: a backticked `{ ... }` that is a whole selection set. */
const inline = [...readme.matchAll(/`(\{ *\w+\([^`]*\})`/g)].map((m) => m[1]);

async function run(document: string) {
  const response = await api.query(document);
  expect(response.errors, document).toBeUndefined();
  return response.data as Record<string, any>;
}

describe("README examples", () => {
  it("finds the examples", () => {
    expect(operations.length).toBeGreaterThanOrEqual(2);
    expect(inline.length).toBeGreaterThanOrEqual(1);
  });

  it("every GraphQL example runs on the seed without errors", async () => {
    for (const document of [...operations, ...inline]) await run(document);
  });

  it("Liaoning to Jong In Chol: three hops through Department 53 and Chonsurim, each with sources", async () => {
    const document = operations.find((o) => o.includes("shortestPaths")) as string;
    const { shortestPaths } = await run(document);
    expect(shortestPaths).toHaveLength(1);
    const [path] = shortestPaths;
    expect(path.length).toBe(3);
    const names = path.hops.map((h: any) => [h.from.name, h.relationship.type, h.to.name, h.direction]);
    expect(names).toEqual([
      ["LIAONING CHINA TRADE INDUSTRY CO., LTD.", "LINKED_TO", "DEPARTMENT 53 OF THE MINISTRY OF THE PEOPLE'S ARMED FORCES", "OUTGOING"],
      ["DEPARTMENT 53 OF THE MINISTRY OF THE PEOPLE'S ARMED FORCES", "FRONT_COMPANY_OF", "CHONSURIM TRADING CORPORATION", "INCOMING"],
      ["CHONSURIM TRADING CORPORATION", "LINKED_TO", "JONG, In Chol", "INCOMING"],
    ]);
    for (const hop of path.hops) expect(hop.relationship.sources.length).toBeGreaterThan(0);
  });

  it("with k: 3, the other three-hop chain through SUPPLIES and a four-hop chain through the delegation Jong LEADS", async () => {
    const document = (operations.find((o) => o.includes("shortestPaths")) as string).replace("maxHops: 4)", "maxHops: 4, k: 3)");
    const { shortestPaths } = await run(document);
    const types = (p: any): string[] => p.hops.map((h: any) => h.relationship.type);
    expect(shortestPaths.map((p: any) => p.length)).toEqual([3, 3, 4]);
    expect(
      shortestPaths
        .filter((p: any) => p.length === 3)
        .map((p: any) => types(p)[0])
        .sort(),
    ).toEqual(["LINKED_TO", "SUPPLIES"]);
    expect(types(shortestPaths[2])).toEqual(expect.arrayContaining(["OPERATES", "LEADS"]));
  });

  it("search ranks SON, Kyong Sik first for every spelling the README gives", async () => {
    const document = operations.find((o) => o.includes("search")) as string;
    const { search } = await run(document);
    expect(search.edges[0].node).toMatchObject({ id: "ofac-52286", name: "SON, Kyong Sik", schema: "Person", sanctioned: true });
    for (const spelling of ["Song Kyong Sik", "son kyongsik"]) {
      const { search: again } = await run(document.replace("Son Kyong-sik", spelling));
      expect(again.edges[0].node.id, spelling).toBe("ofac-52286");
    }
    const { search: chonsurim } = await run(`{ search(query: "chonsurim") { edges { node { name } } } }`);
    expect(chonsurim.edges[0].node.name).toBe("CHONSURIM TRADING CORPORATION");
  });

  it("names only import formats and files that exist", () => {
    const block = /## Real lists in[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const commands = block
      .replace(/\\\n\s*/g, " ")
      .split("\n")
      .filter((l) => l.startsWith("npm run import"));
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const command of commands) {
      const [format, ...args] = command.replace(/#.*/, "").trim().split(/\s+/).slice(4);
      expect([...FORMATS, "link"], command).toContain(format);
      for (const file of args.filter((a) => !a.startsWith("-"))) expect(existsSync(join(projectRoot, file)), file).toBe(true);
    }
    // The OFAC CSV line names the companion files the documented numbers need.
    const ofac = commands.find((c) => c.includes("ofac-csv")) as string;
    for (const companion of ["alt_", "add_", "sdn_comments_"]) expect(ofac).toContain(companion);
  });

  it("the analyst write example (curl) adds a sourced analyst link; without a token it is UNAUTHENTICATED", async () => {
    const body = /## Analysts write[\s\S]*?curl [^\n]*-d '([\s\S]*?)'\n/.exec(readme)?.[1];
    expect(body).toBeDefined();
    const { query, variables } = JSON.parse(body as string);
    const writer = testApi(graph, { auth: TEST_AUTH });
    const response = await writer.query(query, variables, { token: await tokenFor("editor", "alice") });
    expect(response.errors).toBeUndefined();
    expect(response.data!.addRelationship).toMatchObject({ replayed: false, relationship: { analyst: true } });
    expect((await writer.query(query, variables)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});
