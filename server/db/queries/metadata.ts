import { RELATIONSHIP_TYPE_NAMES } from "../../model/vocabulary.ts";
import { readQuery } from "./query.ts";

type NameCount = { name: string; count: number };

export interface MetadataRow {
  entityCount: number;
  schemata: NameCount[];
  /** Per vocabulary type, its number of relationships (`name` is the type). */
  relationshipTypes: NameCount[];
  programs: NameCount[];
  datasets: NameCount[];
  publishers: NameCount[];
}

/** cypher/read/metadata.cypher: one row of counts over the whole graph (every vocabulary type). */
export const metadata = readQuery<Record<string, never>, MetadataRow>("read/metadata", 15_000, () => ({
  params: { types: RELATIONSHIP_TYPE_NAMES },
}));

/** cypher/read/metadata-count.cypher: the number of entities (count store; constant time). */
export const entityCount = readQuery<Record<string, never>, { entities: number }>("read/metadata-count", 5_000);
