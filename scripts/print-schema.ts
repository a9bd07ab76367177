// Writes the running schema's SDL to schema.graphql (the published contract); tests/unit/schema-print.test.ts
// fails when the committed file differs. Run `npm run schema:print` after changing server/graphql/schema/*.graphql.
import { writeFileSync } from "node:fs";
import { printedSchema, printedSchemaPath } from "../server/graphql/print.ts";

writeFileSync(printedSchemaPath, printedSchema());
console.log(`Wrote ${printedSchemaPath}`);
