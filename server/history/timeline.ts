/**
 * One record's history, rebuilt from its content on each snapshot date of its dataset. Everything the graph
 * stores about a record's past (versions, dated change events, listing periods, periods of the links it states)
 * is derived here, so that a snapshot arriving late, or applied twice, gives the same result as a replay in order.
 */
import { changedFields, type FieldChange, type RecordContent } from "./snapshot.ts";

export type ChangeKind = "ADDED" | "REMOVED" | "AMENDED";

/** A run of snapshots in which the record had the same content: from the first of them to the first that differs. */
export interface Version extends RecordContent {
  from: string;
  to: string | null;
}

export interface Change {
  date: string;
  kind: ChangeKind;
  /** Changed fields with old and new values (AMENDED only). */
  fields: FieldChange[];
}

/** A period the record (or a link it states) was on the list: `to` is the first snapshot without it, null while still on. */
export interface Period {
  from: string;
  to: string | null;
}

export interface Timeline {
  versions: Version[];
  changes: Change[];
  periods: Period[];
  /** Periods per linked name (as the record words it) over the snapshots that state the link. */
  links: Map<string, Period[]>;
}

/** The version in force on a snapshot date. */
export function contentAt(versions: Version[], date: string): RecordContent | undefined {
  return versions.find((v) => v.from <= date && (v.to === null || v.to > date));
}

/** Runs of dates on which `present(i)` holds. */
function runs(dates: string[], present: (i: number) => boolean): Period[] {
  const periods: Period[] = [];
  let open: Period | undefined;
  dates.forEach((date, i) => {
    if (present(i) && !open) {
      open = { from: date, to: null };
      periods.push(open);
    } else if (!present(i) && open) {
      open.to = date;
      open = undefined;
    }
  });
  return periods;
}

/**
 * `dates`: every applied snapshot date of the dataset, ascending; `contents[i]`: the record on dates[i] (undefined
 * when absent). The first snapshot of a dataset counts its records as ADDED on its date.
 */
export function buildTimeline(
  dates: string[],
  contents: (RecordContent | undefined)[],
  linksOf: (content: RecordContent) => string[] = () => [],
): Timeline {
  const versions: Version[] = [];
  const changes: Change[] = [];
  let current: Version | undefined;
  dates.forEach((date, i) => {
    const before = i > 0 ? contents[i - 1] : undefined;
    const now = contents[i];
    if (current && current.hash !== now?.hash) {
      current.to = date;
      current = undefined;
    }
    if (now && !current) {
      current = { ...now, from: date, to: null };
      versions.push(current);
    }
    if (!before && now) changes.push({ date, kind: "ADDED", fields: [] });
    else if (before && !now) changes.push({ date, kind: "REMOVED", fields: [] });
    else if (before && now && before.hash !== now.hash)
      changes.push({ date, kind: "AMENDED", fields: changedFields(before.fields, now.fields) });
  });
  const linkSets = contents.map((c) => new Set(c ? linksOf(c) : []));
  const links = new Map<string, Period[]>();
  for (const name of new Set(linkSets.flatMap((s) => [...s])))
    links.set(
      name,
      runs(dates, (i) => linkSets[i].has(name)),
    );
  return { versions, changes, periods: runs(dates, (i) => !!contents[i]), links };
}

/** Periods as stored on nodes and relationships: `from|to`, with an empty `to` while open. */
export const periodText = (p: Period) => `${p.from}|${p.to ?? ""}`;
