import { join } from "node:path";
import { printSchema } from "graphql";
import { projectRoot } from "../paths.ts";
import { schema } from "./schema.ts";

/** Where the printed SDL is committed, for applications that consume the API's contract. */
export const printedSchemaPath = join(projectRoot, "schema.graphql");

/** The running schema as one SDL document (all of server/graphql/schema/*.graphql merged, descriptions included). */
export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}
