import { describe, expect, it } from "vitest";
import { ancestry, EDGE_SCHEMATA, edgeOf, isA, NODE_SCHEMATA, propertyType, schemaKind } from "../../server/model/ftm.ts";
import { EDGE_INTERNAL, NODE_INTERNAL } from "../../server/model/properties.ts";
import { RELATIONSHIP_TYPES, typeForEdgeSchema } from "../../server/model/vocabulary.ts";

describe("the FtM model (server/model/)", () => {
  it("knows schema ancestry", () => {
    expect(ancestry("Company")).toEqual(expect.arrayContaining(["Company", "Organization", "Asset", "LegalEntity", "Thing"]));
    expect(isA("PublicBody", "Organization")).toBe(true);
    expect(isA("Organization", "PublicBody")).toBe(false);
  });

  it("gives property types, inherited ones too", () => {
    expect(propertyType("Person", "nationality")).toBe("country");
    expect(propertyType("Company", "phone")).toBe("phone");
    expect(propertyType("Vessel", "imoNumber")).toBe("identifier");
    expect(propertyType("Ownership", "owner")).toBe("entity");
    expect(propertyType("Person", "noSuchProperty")).toBeUndefined();
  });

  it("sorts every concrete schema into one kind", () => {
    expect(schemaKind("Person")).toBe("node");
    expect(schemaKind("Occupancy")).toBe("edge");
    expect(schemaKind("Sanction")).toBe("sanction");
    expect(schemaKind("Passport")).toBe("identification");
    expect(schemaKind("Risk")).toBe("other");
    expect(schemaKind("Thing")).toBeUndefined(); // abstract
    expect(schemaKind("Starship")).toBeUndefined();
    expect(NODE_SCHEMATA).toEqual(expect.arrayContaining(["Person", "Company", "Vessel", "Address", "Position"]));
  });

  it("has a relationship type for every FtM edge schema, with that schema's ends", () => {
    for (const schema of EDGE_SCHEMATA) expect(typeForEdgeSchema(schema), schema).toBeDefined();
    for (const t of RELATIONSHIP_TYPES) {
      const edge = edgeOf(t.ftm.schema);
      expect(edge, t.type).toBeDefined();
      expect([t.ftm.source, t.ftm.target].sort(), t.type).toEqual([edge?.source, edge?.target].sort());
    }
  });

  it("keeps internal property names apart from FtM property names", () => {
    for (const key of NODE_INTERNAL) if (key !== "name") expect(propertyType("Person", key), key).toBeUndefined();
    for (const key of EDGE_INTERNAL) expect(propertyType("UnknownLink", key), key).toBeUndefined();
  });
});
