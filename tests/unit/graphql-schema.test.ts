import { describe, expect, it } from "vitest";
import { schema } from "../../server/graphql/schema.ts";

describe("GraphQL schema", () => {
  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      // Duck-typed: @graphql-tools may load graphql's CJS build while this file gets the ESM one.
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if ("getFields" in type) {
        for (const field of Object.values(type.getFields())) {
          checked++;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if ("getValues" in type) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(checked).toBeGreaterThan(80);
    expect(missing).toEqual([]);
  });

  it("keeps the public contract's queries and arguments", () => {
    const query = schema.getQueryType()!.getFields();
    const args = (name: string) => query[name].args.map((a) => a.name);
    expect(args("search")).toEqual(["query", "first", "after", "schemata", "countries", "sanctioned", "at"]);
    expect(args("neighbourhood")).toEqual(["id", "depth", "relationshipTypes", "schemata", "limit", "at"]);
    expect(args("subgraph")).toEqual(["ids", "relationshipTypes", "at"]);
    expect(args("shortestPaths")).toEqual(["from", "to", "maxHops", "k", "relationshipTypes", "direction", "avoid", "at"]);
    expect(args("paths")).toEqual(["from", "to", "maxHops", "first", "relationshipTypes", "direction", "avoid", "at"]);
    expect(Object.keys(query)).toEqual(expect.arrayContaining(["entity", "metadata", "listChanges", "listHistory"]));
  });
});
