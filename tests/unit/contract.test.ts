import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printedSchema, printedSchemaPath } from "../../server/graphql/print.ts";

describe("the published contract", () => {
  it("schema.graphql is the running schema (run `npm run schema:print` after changing server/graphql/schema/)", () => {
    const committed = readFileSync(printedSchemaPath, "utf8");
    expect(committed).toContain("type Query");
    expect(committed === printedSchema(), "schema.graphql is stale: run `npm run schema:print` and commit it").toBe(true);
  });
});
