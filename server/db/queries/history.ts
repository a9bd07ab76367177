// The list history (server/history/): change events and applied snapshots.
import { readQuery, writeQuery } from "./query.ts";

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

// The replay (server/history/replay.ts): reads and writes of a whole dataset's history, an import's budget.
const REPLAY_MS = 120_000;

/** cypher/history/snapshots.cypher: the snapshots of a dataset applied so far. */
export const appliedSnapshots = readQuery<{ dataset: string }, { date: string; sha256: string; file: string; records: number }>(
  "history/snapshots",
  REPLAY_MS,
);

/** cypher/history/versions-at.cypher: each record's version (content hash) in force on `date`. */
export const versionsAt = readQuery<{ dataset: string; date: string }, { recordId: string; hash: string }>(
  "history/versions-at",
  REPLAY_MS,
);

/** A stored version of a record: `fields` is the JSON of its content. */
export interface VersionRow {
  recordId: string;
  from: string;
  to: string | null;
  hash: string;
  fields: string;
}

/** cypher/history/versions-of.cypher: every stored version of the records `ids`. */
export const versionsOf = readQuery<{ dataset: string; ids: readonly string[] }, VersionRow>("history/versions-of", REPLAY_MS);

/** cypher/history/rebuild.cypher: replaces the versions, changes, listings and link periods of a batch of records. */
export const rebuildHistory = writeQuery<{ dataset: string; today: string; rows: readonly object[] }>("history/rebuild", REPLAY_MS);

/** cypher/history/snapshot-applied.cypher: records that a snapshot was applied. */
export const snapshotApplied = writeQuery<{
  dataset: string;
  date: string;
  file: string | undefined;
  sha256: string;
  records: number;
  appliedAt: string;
}>("history/snapshot-applied", REPLAY_MS);
