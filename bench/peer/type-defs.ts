/**
 * The peer of the benchmark: the GraphQL API a team would generate with @neo4j/graphql from type definitions of
 * our model (docs/scale.md, "Peer benchmark"). The type definitions are written from the vocabulary
 * (server/model/vocabulary.ts): one `Entity` node type with a `@relationship` field per relationship type and
 * direction (one undirected field for an undirected type), their properties as `@relationshipProperties`, and the
 * names' full-text index as `@fulltext`. Neighbourhood and shortest path have no native form in @neo4j/graphql, so
 * they are `@cypher` fields running our own Cypher files (the same text and parameters as our resolvers), wrapped
 * to return one map: the difference measured there is the two APIs' own overhead, not a different query.
 */
import { cypher } from "../../server/db/cypher.ts";
import { RELATIONSHIP_TYPES } from "../../server/model/vocabulary.ts";

/** Neighbourhood depth and shortest-path bound written into the `@cypher` texts (a static text takes no bounds). */
export const PEER_DEPTH = 1;
export const PEER_MAX_HOPS = 6;

/** `LINKED_TO` -> `linkedTo`: the field name of a relationship type (with `In`/`Out` for directed types). */
export function relationshipField(type: string, direction: FieldDirection): string {
  const camel = type.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return direction === "any" ? camel : `${camel}${direction === "out" ? "Out" : "In"}`;
}

/** Every relationship field of `Entity`: [field name, type, direction]. */
type FieldDirection = "out" | "in" | "any";

export function relationshipFields(): { field: string; type: string; direction: FieldDirection }[] {
  return RELATIONSHIP_TYPES.flatMap((t): { field: string; type: string; direction: FieldDirection }[] =>
    t.directed
      ? [
          { field: relationshipField(t.type, "out"), type: t.type, direction: "out" },
          { field: relationshipField(t.type, "in"), type: t.type, direction: "in" },
        ]
      : [{ field: relationshipField(t.type, "any"), type: t.type, direction: "any" }],
  );
}

/** A Cypher file's text as one `@cypher` statement returning one map column `result` (triple quotes escaped). */
function wrapped(name: string, bounds: Record<string, number>, columns: string[]): string {
  const text = cypher(name, bounds)
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n");
  const map = columns.map((c) => `${c}: ${c}`).join(", ");
  return `CALL () {\n${text}\n}\nRETURN {${map}} AS result`.replaceAll('"""', '\\"""');
}

export function peerTypeDefs(): string {
  const fields = relationshipFields().map(({ field, type, direction }) => {
    const how = direction === "any" ? `direction: OUT, queryDirection: UNDIRECTED` : `direction: ${direction === "out" ? "OUT" : "IN"}`;
    return `  ${field}: [Entity!]! @relationship(type: "${type}", ${how}, properties: "Link")`;
  });
  return /* GraphQL */ `
type Entity @node(labels: ["Entity"]) @fulltext(indexes: [{ indexName: "entity_names", fields: ["name"], queryName: "searchEntities" }]) {
  id: ID!
  name: String
  schema: String
  aliases: [String!]
  countries: [String!]
  sanctioned: Boolean
${fields.join("\n")}
}

type Link @relationshipProperties {
  id: ID
  role: String
  startDate: String
  endDate: String
}

"An entity as a @cypher map projects it."
type EntityValue {
  id: ID!
  name: String
  schema: String
}

type RelationshipValue {
  id: ID!
  type: String!
  role: String
  source: ID!
  target: ID!
}

type Omitted {
  id: ID!
  count: Int!
}

type Subgraph {
  nodes: [EntityValue!]!
  edges: [RelationshipValue!]!
  omitted: [Omitted!]!
  truncated: Boolean!
}

type Path {
  nodes: [EntityValue!]!
  relationships: [RelationshipValue!]!
}

type Query {
  neighbourhood(id: ID!, limit: Int!, types: [String!]!, schemata: [String!], at: String): Subgraph
    @cypher(statement: """
${wrapped("read/neighbourhood", { depth: PEER_DEPTH }, ["nodes", "edges", "omitted", "truncated"])}
""", columnName: "result")
  shortestPath(from: ID!, to: ID!, types: [String!]!, direction: String!, avoid: [ID!]!, at: String): Path
    @cypher(statement: """
${wrapped("read/shortest-path", { maxHops: PEER_MAX_HOPS }, ["nodes", "relationships"])}
""", columnName: "result")
}
`;
}
