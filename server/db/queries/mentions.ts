// Named parties the importers could not resolve (Mention nodes), around entities.
import { readQuery } from "./query.ts";
import type { MentionValue } from "./rows.ts";

/** cypher/read/mentions-by-entity.cypher: per entity, the mentions its records make and those naming it as a candidate. */
export const mentionsByEntity = readQuery<
  { ids: readonly string[]; limit: number },
  { id: string; named: MentionValue[]; candidateIn: MentionValue[] }
>("read/mentions-by-entity", 5_000);
