// The list history (server/history/): change events and applied snapshots.
import { readQuery } from "./query.ts";

/** A change event as stored: `fields` is the JSON of the changed fields (AMENDED only). */
export interface ChangeRow {
  dataset: string;
  recordId: string;
  entityId: string;
  date: string;
  kind: "ADDED" | "REMOVED" | "AMENDED";
  fields: string;
}

export interface ChangePageRow {
  total: number;
  page: ChangeRow[];
}

export interface SnapshotRow {
  dataset: string;
  date: string;
  file: string;
  records: number;
}

/** cypher/history/list-changes.cypher: a dataset's changes dated in ($from, $to], oldest first, a page and the total. */
export const listChanges = readQuery<
  { dataset: string; from: string; to: string; kinds: string[] | null; offset: number; limit: number },
  ChangePageRow
>("history/list-changes", 5_000);

/** cypher/history/entity-changes.cypher: one entity's changes, newest first, a page and the total. */
export const entityChanges = readQuery<{ id: string; offset: number; limit: number }, ChangePageRow>("history/entity-changes", 5_000);

/** cypher/history/list-history.cypher: the applied snapshots, oldest first. */
export const listHistory = readQuery<{ dataset: string | null }, { snapshot: SnapshotRow }>("history/list-history", 5_000);

/** cypher/history/sanctioned-at.cypher: per entity, whether it was sanctioned on the day `at`. */
export const sanctionedAt = readQuery<{ ids: readonly string[]; at: string }, { id: string; sanctioned: boolean }>(
  "history/sanctioned-at",
  5_000,
);
