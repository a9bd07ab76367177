import { describe, expect, it } from "vitest";
import { LIMITS } from "../../server/graphql/limits.ts";
import { MAX_BODY_BYTES } from "../../server/yoga.ts";
import { errorCode, seededApi } from "../support/api.ts";

// Reproducers of issue 15 (each was a 500, a query that ran for seconds inside Neo4j, or an error without a code).
const { api } = seededApi();

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  api.yoga.fetch("http://test/graphql", { method: "POST", headers, body });

/** A response's errors, each with a code and without internals. */
async function codedErrors(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/json/);
  const body = await response.json();
  expect(body.errors?.length).toBeGreaterThan(0);
  for (const error of body.errors) {
    expect(error.extensions?.code, error.message).toBeTruthy();
    expect(JSON.stringify(error)).not.toMatch(/originalError|stack|Neo4jError|at .*\.(ts|js)/);
  }
  return body.errors as { message: string; extensions: { code: string } }[];
}

describe("search input is bounded and normalised before Neo4j", () => {
  it.each(["𝐍𝐎𝐓", "𝐎𝐑 kim", "kim 𝐀𝐍𝐃", "ＮＯＴ", "𝐍𝐎𝐓 𝐍𝐎𝐓"])("treats the look-alike operator in %j as a word, not a 500", async (query) => {
    const res = await api.query(`query($q: String!) { search(query: $q) { totalCount } }`, { q: query });
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.totalCount).toBeGreaterThanOrEqual(0);
  });

  it("refuses a word longer than the limit, naming it, before any query runs", async () => {
    const word = "a".repeat(LIMITS.maxWordLength + 1);
    const started = Date.now();
    const res = await api.query(`query($q: String!) { search(query: $q) { totalCount } }`, { q: `kim ${word}` });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toContain(String(LIMITS.maxWordLength));
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("refuses a search text longer than the limit", async () => {
    const res = await api.query(`query($q: String!) { search(query: $q) { totalCount } }`, { q: "kim ".repeat(100_000) });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toContain(String(LIMITS.maxSearchLength));
  });

  it("still finds a name of the longest allowed words", async () => {
    const res = await api.query(`{ search(query: "chonsurim trading") { edges { node { name } } } }`);
    expect(res.data!.search.edges[0].node.name).toBe("CHONSURIM TRADING CORPORATION");
  });
});

describe("cursors and list arguments are checked", () => {
  const forged = [
    ["offset 2^31", "bzoyMTQ3NDgzNjQ4"],
    ["huge offset", Buffer.from(`o:${"9".repeat(400)}`).toString("base64url")],
    ["negative", Buffer.from("o:-1").toString("base64url")],
    ["not base64", "!!!"],
  ];
  it.each(forged)("search refuses a forged cursor (%s) with BAD_USER_INPUT", async (_, after) => {
    const res = await api.query(`query($a: String) { search(query: "kim", after: $a) { totalCount } }`, { a: after });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0].extensions!.argument).toBe("after");
  });

  it.each(forged)("relationships refuse a forged cursor (%s) with BAD_USER_INPUT", async (_, after) => {
    const res = await api.query(`query($a: String) { entity(id: "ofac-52262") { relationships(after: $a) { totalCount } } }`, {
      a: after,
    });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
  });

  it("accepts a cursor at the largest offset (an empty page)", async () => {
    const after = Buffer.from(`o:${LIMITS.maxOffset}`).toString("base64url");
    const res = await api.query(`query($a: String) { search(query: "kim", after: $a) { edges { cursor } } }`, { a: after });
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.edges).toEqual([]);
  });

  it("caps avoid and countries", async () => {
    const many = Array.from({ length: LIMITS.maxListValues + 1 }, (_, i) => `x${i}`);
    const paths = await api.query(`query($a: [ID!]) { paths(from: "ofac-52264", to: "ofac-52289", avoid: $a) { length } }`, { a: many });
    expect(errorCode(paths)).toBe("BAD_USER_INPUT");
    expect(paths.errors![0].message).toMatch(/avoid.*at most 100/);
    const search = await api.query(`query($c: [String!]) { search(query: "kim", countries: $c) { totalCount } }`, { c: many });
    expect(errorCode(search)).toBe("BAD_USER_INPUT");
  });
});

describe("every refusal carries a code and our own message", () => {
  it("413 for a body over the limit, naming the limit", async () => {
    const body = JSON.stringify({ query: `{ search(query: "${"a".repeat(MAX_BODY_BYTES)}") { totalCount } }` });
    const response = await post(body);
    expect(response.status).toBe(413);
    const [error] = await codedErrors(response);
    expect(error.extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
    expect(error.message).toContain(String(MAX_BODY_BYTES));
  });

  it("415 with a coded body for an unsupported content type", async () => {
    const response = await post("{}", { "content-type": "text/plain" });
    expect(response.status).toBe(415);
    const [error] = await codedErrors(response);
    expect(error.extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(error.message).toContain("text/plain");
  });

  it("400 for malformed JSON without the parser's message", async () => {
    const response = await post("{ nope");
    expect(response.status).toBe(400);
    const [error] = await codedErrors(response);
    expect(error.extensions.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error)).not.toMatch(/position|Expected property/);
  });

  it("405 for an unsupported method", async () => {
    const response = await api.yoga.fetch("http://test/graphql", { method: "PUT", body: "{}" });
    expect(response.status).toBe(405);
    await codedErrors(response);
  });

  it("406 with a coded body for an unacceptable Accept header", async () => {
    const response = await api.yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "image/png" },
      body: JSON.stringify({ query: "{ metadata { entityCount } }" }),
    });
    expect(response.status).toBe(406);
    const [error] = await codedErrors(response);
    expect(error.extensions.code).toBe("NOT_ACCEPTABLE");
  });

  it.each([
    ["too many tokens", `{ ${"a: __typename ".repeat(1_100)} }`, /Token limit of 2000/],
    ["too many aliases", `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: metadata { entityCount }`).join(" ")} }`, /Aliases limit of 15/],
    ["too deep", `{ entity(id: "x") { ${"relationships { edges { other { ".repeat(7)} id ${"} } }".repeat(7)} } }`, /limit of/],
  ])("GraphQL Armor: %s gives OPERATION_LIMIT_EXCEEDED naming the limit", async (_, query, message) => {
    const [error] = await codedErrors(await post(JSON.stringify({ query })));
    expect(error.extensions.code).toBe("OPERATION_LIMIT_EXCEEDED");
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/^Syntax Error/);
  });

  it.each([
    ["a variable of the wrong type", `query($n: Int!) { search(query: "kim", first: $n) { totalCount } }`, { n: "x" }, "BAD_USER_INPUT"],
    ["a missing variable", `query($n: Int!) { search(query: "kim", first: $n) { totalCount } }`, {}, "BAD_USER_INPUT"],
    ["an unknown field", `{ nope }`, {}, "GRAPHQL_VALIDATION_FAILED"],
    ["a syntax error", `{ nope `, {}, "GRAPHQL_PARSE_FAILED"],
    ["an operation type the schema lacks", `subscription { x }`, {}, "GRAPHQL_VALIDATION_FAILED"],
  ])("%s gets a code", async (_, query, variables, code) => {
    const [error] = await codedErrors(await post(JSON.stringify({ query, variables })));
    expect(error.extensions.code).toBe(code);
  });
});
