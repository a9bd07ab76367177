import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { auditResolvers } from "./resolvers/audit.ts";
import { curationResolvers } from "./resolvers/curation.ts";
import { exposureResolvers } from "./resolvers/exposure.ts";
import { Change, HistoryEntity, HistoryQuery, HistoryRelationship } from "./resolvers/history.ts";
import { investigationResolvers } from "./resolvers/investigations.ts";
import { matchingResolvers } from "./resolvers/matching.ts";
import { mentionResolvers } from "./resolvers/mentions.ts";
import { Query } from "./resolvers/query.ts";
import { Entity, Relationship, RelationshipConnection, Sanction } from "./resolvers/types.ts";
import { watchResolvers } from "./resolvers/watches.ts";

const sdlDir = join(import.meta.dirname, "schema");

/** The SDL files in schema/, in a stable order (the public contract, documented field by field). */
export const typeDefs = readdirSync(sdlDir)
  .filter((f) => f.endsWith(".graphql"))
  .sort()
  .map((f) => readFileSync(join(sdlDir, f), "utf8"));

export const schema = makeExecutableSchema({
  typeDefs,
  resolvers: [
    { Query, Entity, Relationship, RelationshipConnection, Sanction },
    exposureResolvers,
    mentionResolvers,
    curationResolvers,
    auditResolvers,
    investigationResolvers,
    watchResolvers,
    matchingResolvers,
    { Query: HistoryQuery, Entity: HistoryEntity, Relationship: HistoryRelationship, Change },
  ],
});
