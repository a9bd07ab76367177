// The FtM export and the audit export: pages in key order (`after` = the last key of the previous page).
import { RELATIONSHIP_TYPE_NAMES } from "../../model/vocabulary.ts";
import { readQuery } from "./query.ts";

/** A page of a large read on a possibly cold database. */
const PAGE_MS = 60_000;

/** One page: all rows (ids null) or those of the entities in `ids`, after the key `after`. */
export interface PageParams {
  ids: readonly string[] | null;
  after: string;
  limit: number;
}

/** A source as the export cites it (FtM publisher, sourceUrl, recordId). */
export interface ExportSourceRow {
  publisher?: string;
  url?: string;
  recordId?: string;
}

/** cypher/export/around.cypher: the entity `id` and the ids within `depth` hops (null when it does not exist). */
export const entitiesAround = readQuery<{ id: string; depth: number }, { ids: string[] }>("export/around", PAGE_MS, ({ id, depth }) => ({
  params: { id, types: RELATIONSHIP_TYPE_NAMES },
  bounds: { depth },
}));

/** cypher/export/entities.cypher */
export const exportEntities = readQuery<
  PageParams,
  { key: string; node: Record<string, unknown>; sources: ExportSourceRow[]; lastListChange: string | null }
>("export/entities", PAGE_MS);

/** cypher/export/relationships.cypher (relationships of the vocabulary's types) */
export const exportRelationships = readQuery<
  PageParams,
  { key: string; type: string; source: string; target: string; props: Record<string, unknown>; sources: ExportSourceRow[] }
>("export/relationships", PAGE_MS, (p) => ({ params: { ...p, types: RELATIONSHIP_TYPE_NAMES } }));

/** cypher/export/sanctions.cypher */
export const exportSanctions = readQuery<
  PageParams,
  { key: string; entityId: string; props: Record<string, unknown>; sources: ExportSourceRow[] }
>("export/sanctions", PAGE_MS);

/** cypher/export/identifications.cypher */
export const exportIdentifications = readQuery<PageParams, { key: string; props: Record<string, unknown> }>(
  "export/identifications",
  PAGE_MS,
);

/** cypher/export/others.cypher: the FtM entities kept whole (JSON). */
export const exportOthers = readQuery<PageParams, { key: string; ftm: string }>("export/others", PAGE_MS);

/** cypher/export/audit.cypher: a page of the audit log in write order (key `time|clientId`). */
export const auditPage = readQuery<{ after: string; limit: number }, { key: string; event: Record<string, unknown> }>(
  "export/audit",
  PAGE_MS,
);
