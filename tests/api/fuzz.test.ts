import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../server/graphql/limits.ts";
import { schema } from "../../server/graphql/schema.ts";
import { MAX_BODY_BYTES } from "../../server/yoga.ts";
import { seededApi } from "../support/api.ts";

/**
 * A bounded fuzz suite over the schema (issue 15): a few thousand requests generated from the SDL with a fixed seed,
 * hostile values in every argument (look-alike operators, Lucene and Cypher syntax, huge words, forged cursors,
 * numbers past 32 bits, oversized lists) plus malformed HTTP. Every answer must be a non-5xx with coded errors only,
 * none INTERNAL_SERVER_ERROR, no internals in any message, nothing logged as unexpected, and the graph unchanged.
 */
const { graph, api } = seededApi();
// Each is a real query on the seed: about 40 ms on a quiet machine; more would not fit CI's budget.
const REQUESTS = 800;
const CONCURRENCY = 8;

/** mulberry32: the same requests on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(15);
const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)];

const forged = (text: string) => Buffer.from(text).toString("base64url");
const STRINGS = [
  "ofac-52262",
  "ofac-52264",
  "ofac-52289",
  "kim",
  "chonsurim trading",
  "𝐍𝐎𝐓",
  "𝐎𝐑 𝐀𝐍𝐃 kim",
  "ＡＮＤ",
  "kim~2 AND NOT *:*",
  'name:"x" OR /.*/',
  "\\",
  '"',
  "') RETURN 1 //",
  "MATCH (n) DETACH DELETE n",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal Log4Shell probe string, not a template
  "${jndi:ldap://x}",
  "<script>alert(1)</script>",
  "\u0000\u0001",
  "\ud800",
  "é".normalize("NFD").repeat(30),
  "a".repeat(LIMITS.maxWordLength + 1),
  "w ".repeat(LIMITS.maxSearchLength),
  "x".repeat(5_000),
  "",
  " ",
  "bzoyMTQ3NDgzNjQ4",
  forged("o:-5"),
  forged(`o:${"9".repeat(30)}`),
  forged("o:1"),
  "OWNS",
  "Person",
  "fr",
  "2024-01-01",
  "not-a-date",
  "9999-99-99",
];
const INTS = [0, 1, 2, 3, 5, 10, 50, 200, 501, -1, 2 ** 31 - 1, -(2 ** 31)];

function inputValue(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return inputValue(type.ofType, depth);
  if (rand() < 0.05) return null;
  if (isListType(type)) {
    const length = pick([0, 1, 2, 3, LIMITS.maxListValues + 1, LIMITS.maxSubgraphIds + 1]);
    return Array.from({ length }, () => inputValue(type.ofType, depth + 1));
  }
  if (isEnumType(type)) return rand() < 0.9 ? pick(type.getValues()).value : "NOPE";
  if (isInputObjectType(type))
    return depth > 2 ? null : Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, inputValue(f.type, depth + 1)]));
  switch (getNamedType(type).name) {
    case "Int":
      return pick(INTS);
    case "Float":
      return pick([0, 0.5, 1, -1, 1e308]);
    case "Boolean":
      return rand() < 0.5;
    default:
      return pick(STRINGS);
  }
}

/** Arguments as variables, so any value (even of the wrong type, 10% of the time) is sent as is. */
function argumentsOf(args: readonly GraphQLArgument[], variables: Map<string, [GraphQLInputType, unknown]>): string {
  const used = args.filter((a) => isNonNullType(a.type) || rand() < 0.6);
  if (!used.length) return "";
  return `(${used
    .map((a) => {
      const name = `v${variables.size}`;
      variables.set(name, [a.type, rand() < 0.1 ? pick(STRINGS) : inputValue(a.type)]);
      return `${a.name}: $${name}`;
    })
    .join(", ")})`;
}

function selection(type: GraphQLOutputType, variables: Map<string, [GraphQLInputType, unknown]>, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named) || !isObjectType(named)) return "";
  const fields = Object.values(named.getFields()) as GraphQLField<unknown, unknown>[];
  const chosen = fields.filter((f) => isLeafType(getNamedType(f.type)) || (depth < 2 && rand() < 0.3));
  const parts = chosen.map((f) => `${f.name}${argumentsOf(f.args, variables)} ${selection(f.type, variables, depth + 1)}`);
  return `{ ${parts.length ? parts.join(" ") : "__typename"} }`;
}

/** A query on one random Query field: the document and its variables. */
function generate(): { query: string; variables: Record<string, unknown> } {
  const field = pick(Object.values(schema.getQueryType()!.getFields()));
  const variables = new Map<string, [GraphQLInputType, unknown]>();
  const body = `${field.name}${argumentsOf(field.args, variables)} ${selection(field.type, variables, 0)}`;
  const declared = [...variables].map(([name, [type]]) => `$${name}: ${type.toString()}`);
  return {
    query: `query${declared.length ? `(${declared.join(", ")})` : ""} { ${body} }`,
    variables: Object.fromEntries([...variables].map(([name, [, value]]) => [name, value])),
  };
}

/** Malformed HTTP: bodies that are not what they claim, odd methods and types. */
const MALFORMED: RequestInit[] = [
  { method: "POST", headers: { "content-type": "application/json" }, body: "{ nope" },
  { method: "POST", headers: { "content-type": "application/json" }, body: "" },
  { method: "POST", headers: { "content-type": "application/json" }, body: "[]" },
  { method: "POST", headers: { "content-type": "application/json" }, body: "null" },
  { method: "POST", headers: { "content-type": "application/json" }, body: '"query"' },
  { method: "POST", headers: { "content-type": "application/json" }, body: '{"query": 1}' },
  { method: "POST", headers: { "content-type": "application/json" }, body: '{"query": "{ metadata { entityCount } }", "variables": "x"}' },
  { method: "POST", headers: { "content-type": "application/json" }, body: `{"query": "${"{".repeat(10_000)}"}` },
  {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ search(query: "${"a".repeat(MAX_BODY_BYTES)}") { totalCount } }` }),
  },
  { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" },
  { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x--" },
  { method: "POST", headers: { "content-type": "application/json", accept: "text/html" }, body: '{"query": "{ __typename }"}' },
  { method: "PUT", body: "{}" },
  { method: "DELETE" },
  { method: "PATCH", body: "{}" },
  { method: "GET" },
  { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "mutation { x }" }) },
  { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "subscription { x }" }) },
];

const LEAK = /Neo4j|Cypher|lucene|procedure|\bat [\w.<>]+ \(|\.ts:\d|node_modules|stack|originalError|SyntaxError: Unexpected|position \d/i;

async function snapshot(): Promise<string> {
  const session = graph.driver.session({ database: graph.database });
  try {
    const result = await session.run(
      "MATCH (n) WITH count(n) AS nodes, sum(size(keys(n))) AS props OPTIONAL MATCH ()-[r]->() RETURN nodes, props, count(r) AS rels",
    );
    return JSON.stringify(result.records[0].toObject());
  } finally {
    await session.close();
  }
}

let before: string;
beforeAll(async () => {
  before = await snapshot();
});

describe("fuzz", () => {
  it(`${REQUESTS} generated requests: no 5xx, every error coded and ours, nothing unexpected, the graph unchanged`, async () => {
    const failures: string[] = [];
    const codes = new Map<string, number>();
    const requests: (() => RequestInit)[] = [
      ...MALFORMED.map((init) => () => init),
      ...Array.from({ length: REQUESTS }, () => {
        const body = JSON.stringify(generate());
        return () => ({ method: "POST", headers: { "content-type": "application/json" }, body });
      }),
    ];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const init = requests[next++]();
          const response = await api.yoga.fetch("http://test/graphql", init);
          const text = await response.text();
          const where = `${init.method} ${String(init.body ?? "").slice(0, 300)}`;
          if (response.status >= 500) failures.push(`${response.status} for ${where}`);
          if (response.headers.get("content-type")?.includes("text/html")) continue; // GraphiQL for a browser's GET
          const body = JSON.parse(text);
          for (const error of body.errors ?? []) {
            const code = error.extensions?.code;
            codes.set(code, (codes.get(code) ?? 0) + 1);
            if (!code || code === "INTERNAL_SERVER_ERROR") failures.push(`${code ?? "no code"}: ${error.message} for ${where}`);
            if (LEAK.test(JSON.stringify(error))) failures.push(`leak: ${JSON.stringify(error).slice(0, 300)} for ${where}`);
          }
        }
      }),
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(api.logged).toEqual([]);
    // The suite reached the resolvers, not only the validators.
    expect(codes.get("BAD_USER_INPUT")).toBeGreaterThan(50);
    expect(await snapshot()).toBe(before);
  }, 300_000);
});

describe("hostile requests beside normal ones", () => {
  it("a huge word and a huge body are refused within a second while normal requests keep being answered", async () => {
    const normal = () => api.query(`{ search(query: "chonsurim") { totalCount } }`);
    const timed = async (send: () => unknown) => {
      const started = performance.now();
      await send();
      return performance.now() - started;
    };
    const hostile = [
      () => api.query(`query($q: String!) { search(query: $q) { totalCount } }`, { q: "a".repeat(100_000) }),
      () => api.query(`query($q: String!) { search(query: $q) { totalCount } }`, { q: `kim ${"b".repeat(LIMITS.maxWordLength + 1)}` }),
      () =>
        api.yoga.fetch("http://test/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: `{ search(query: "${"c".repeat(16_000_000)}") { totalCount } }` }),
        }),
    ];
    const [normalResults, hostileTimes] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, normal)),
      Promise.all(hostile.map((h) => timed(h))),
    ]);
    for (const ms of hostileTimes) expect(ms).toBeLessThan(1_000);
    for (const res of normalResults) expect(res.data?.search.totalCount).toBeGreaterThan(0);
  });
});
