import { describe, expect, it } from "vitest";
import { ApiError, GraphQLClient } from "../../client/src/api/client.ts";
import { SanctionsApi } from "../../client/src/api/queries.ts";
import type { PathQuery } from "../../client/src/api/types.ts";
import { boundPathQuery, pathBounds } from "../../client/src/model/path-bounds.ts";
import { seededApi } from "../support/api.ts";

const { api } = seededApi();
// The client's own API object, talking to the real resolvers in-process.
const client = new SanctionsApi(new GraphQLClient({ fetch: async (_url, init) => api.yoga.fetch("http://test/graphql", init) }));

const LIAONING = "ofac-52264";
const JONG = "ofac-52289";

describe("path finder bounds (the client sends only what the API's published limits accept)", () => {
  for (const mode of ["shortest", "all"] as const) {
    it(`${mode}: a query far above the bounds runs at the mode's maximum; one more is rejected`, async () => {
      const { limits } = await client.metadata();
      const asked: PathQuery = { from: LIAONING, to: JONG, maxHops: 99, k: 999, mode, relationshipTypes: [], direction: "ANY", avoid: [] };
      const sent = boundPathQuery(asked, limits);
      expect({ maxHops: sent.maxHops, k: sent.k }).toEqual(pathBounds(limits, mode));

      const paths = await client.paths(sent);
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.length).toBeLessThanOrEqual(sent.k);

      // The bounds are the server's own: one above either is refused.
      for (const over of [
        { ...sent, maxHops: sent.maxHops + 1 },
        { ...sent, k: sent.k + 1 },
      ]) {
        const error = await client.paths(over).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).code).toBe("BAD_USER_INPUT");
      }
    });
  }
});
