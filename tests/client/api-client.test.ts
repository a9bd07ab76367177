import { describe, expect, it } from "vitest";
import { ApiError, describeError, type Fetch, fetchHealth, GraphQLClient } from "../../client/src/api/client.ts";
import { SanctionsApi } from "../../client/src/api/queries.ts";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("GraphQL client", () => {
  it("POSTs the query and variables as JSON and returns data", async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const fetch: Fetch = async (url, init) => {
      seen = { url, init };
      return json({ data: { metadata: { entityCount: 9 } } });
    };
    const data = await new GraphQLClient({ fetch }).request<{ metadata: { entityCount: number } }>("query { metadata { entityCount } }", {
      a: 1,
    });
    expect(data.metadata.entityCount).toBe(9);
    expect(seen?.url).toBe("/graphql");
    expect(seen?.init.method).toBe("POST");
    expect(JSON.parse(String(seen?.init.body))).toEqual({ query: "query { metadata { entityCount } }", variables: { a: 1 } });
  });

  it("surfaces GraphQL errors with their extensions.code", async () => {
    const fetch: Fetch = async () => json({ data: null, errors: [{ message: "No entity ofac-1", extensions: { code: "NOT_FOUND" } }] });
    const error = await new GraphQLClient({ fetch }).request("query { x }").catch((e: ApiError) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "No entity ofac-1" });
    expect((error as ApiError).transient).toBe(false);
  });

  it("marks the database being down and network failures as transient", async () => {
    const down: Fetch = async () => json({ errors: [{ message: "db down", extensions: { code: "DATABASE_UNAVAILABLE" } }] }, 503);
    const e1 = await new GraphQLClient({ fetch: down }).request("{x}").catch((e) => e);
    expect(e1).toMatchObject({ code: "DATABASE_UNAVAILABLE", transient: true });
    expect(describeError(e1).title).toMatch(/database is unavailable/);
    const refused: Fetch = async () => {
      throw new TypeError("fetch failed");
    };
    const e2 = await new GraphQLClient({ fetch: refused }).request("{x}").catch((e) => e);
    expect(e2).toMatchObject({ code: "NETWORK_ERROR", transient: true });
    expect(describeError(e2).title).toMatch(/cannot be reached/);
    const html: Fetch = async () => new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" });
    expect(await new GraphQLClient({ fetch: html }).request("{x}").catch((e) => e)).toMatchObject({ code: "HTTP_ERROR" });
  });

  it("reads /health and never throws", async () => {
    expect(await fetchHealth(async () => json({ status: "ok", database: true }))).toEqual({
      status: "ok",
      database: true,
      reachable: true,
    });
    expect(
      await fetchHealth(async () => {
        throw new Error("refused");
      }),
    ).toMatchObject({ reachable: false, database: false });
  });

  it("sends only the filters that are set", async () => {
    const bodies: { variables: Record<string, unknown> }[] = [];
    const fetch: Fetch = async (_url, init) => {
      bodies.push(JSON.parse(String(init.body)));
      return json({ data: { shortestPaths: [], paths: [], entity: null } });
    };
    const api = new SanctionsApi(new GraphQLClient({ fetch }));
    await api.paths({ from: "a", to: "b", maxHops: 4, k: 2, mode: "shortest", relationshipTypes: [], direction: "ANY", avoid: [] });
    expect(bodies[0].variables).toEqual({
      from: "a",
      to: "b",
      maxHops: 4,
      k: 2,
      relationshipTypes: null,
      direction: "ANY",
      avoid: null,
      at: null,
    });
    await api.paths({
      from: "a",
      to: "b",
      maxHops: 4,
      k: 7,
      mode: "all",
      relationshipTypes: ["OWNS"],
      direction: "OUTGOING",
      avoid: ["c"],
    });
    expect(bodies[1].variables).toMatchObject({ first: 7, relationshipTypes: ["OWNS"], avoid: ["c"] });
    expect(await api.relationships({ id: "x", types: [] })).toBeNull();
    expect(bodies[2].variables).toMatchObject({ id: "x", types: null, direction: "ANY", first: 25, after: null });
  });
});
