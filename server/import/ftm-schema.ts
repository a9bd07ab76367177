/** What the graph does with each FtM schema, shared by the FtM importer and the FtM exporter. */
import { isSchema, RELATIONSHIP_TYPES, type RelationshipTypeDef } from "../model/vocabulary.ts";

/** When several relationship types map to one FtM edge schema, an imported edge gets the general one. */
const PREFERRED: Record<string, string> = {
  Ownership: "OWNS",
  Control: "CONTROLS",
  Directorship: "DIRECTOR_OF",
  Membership: "MEMBER_OF",
  Representation: "REPRESENTS",
  UnknownLink: "LINKED_TO",
  Employment: "EMPLOYED_BY",
  Succession: "SUCCEEDED_BY",
  Family: "FAMILY",
  Associate: "ASSOCIATE",
};

/** FtM edge schema -> the relationship type it becomes (reverse lookup in the vocabulary). */
export function typeForEdgeSchema(schema: string): RelationshipTypeDef | undefined {
  const candidates = RELATIONSHIP_TYPES.filter((t) => t.ftm.schema === schema);
  return candidates.find((t) => t.type === PREFERRED[schema]) ?? candidates[0];
}

export const IDENTIFICATION_SCHEMATA = ["Identification", "Passport"] as const;

export type SchemaKind = "node" | "edge" | "sanction" | "identification";

export function schemaKind(schema: string): SchemaKind | undefined {
  if (isSchema(schema)) return "node";
  if (typeForEdgeSchema(schema)) return "edge";
  if (schema === "Sanction") return "sanction";
  if ((IDENTIFICATION_SCHEMATA as readonly string[]).includes(schema)) return "identification";
  return undefined;
}

/** Node properties the graph derives or keeps for itself; the rest are FtM properties, verbatim. */
export const INTERNAL_NODE_PROPERTIES = new Set([
  "id",
  "schema",
  "name",
  "names",
  "aliases",
  "countries",
  "sanctioned",
  "sourceIds",
  "datasets",
  "referents",
  "derivedProperties",
]);

/** Relationship properties that are not FtM edge properties. */
export const INTERNAL_EDGE_PROPERTIES = new Set(["id", "sourceIds", "datasets", "resolvedBy", "evidence"]);
