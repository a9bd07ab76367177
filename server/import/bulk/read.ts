/**
 * The bulk import's reading: the items the online FtM import writes (formats/ftm.ts), in its order (every file's node
 * lines, then every file's other lines: relationships and sanctions need their ends), but in ONE pass over the files.
 * The online importer reads each file twice (a check pass counts the lines and fails on bad input before anything is
 * written, then the write passes); the bulk import touches nothing until reading has ended, so its read is the check,
 * and the other lines are held (parsed, with their sources) until the node lines of every file are done.
 */
import { schemaKind } from "../../model/ftm.ts";
import type { SourceRecord } from "../../model/records.ts";
import { ftmItem, ftmSource } from "../formats/ftm.ts";
import type { Progress } from "../pipeline.ts";
import { readFtm } from "../readers/ftm-lines.ts";
import { ImportInputError, type ImportItem } from "../types.ts";

export interface ReadItem {
  source: SourceRecord;
  item: ImportItem;
}

/** Items per progress tick. */
const TICK = 2_000;

export async function* readOnce(files: string[], progress: Progress, date?: string): AsyncGenerator<ReadItem> {
  const later: ReadItem[] = [];
  let pending = 0;
  progress.phase("records");
  for (const file of files) {
    let count = 0;
    for await (const { entity, text } of readFtm(file)) {
      count++;
      const source = ftmSource(file, entity, text, date);
      const read = { source, item: ftmItem(entity, source.id) };
      if (schemaKind(entity.schema) !== "node") {
        later.push(read);
        continue;
      }
      yield read;
      if (++pending === TICK) {
        progress.tick(pending);
        pending = 0;
      }
    }
    if (!count) throw new ImportInputError(file, "", "no FtM entities found (empty file)");
  }
  progress.tick(pending);
  progress.phase("links", later.length);
  pending = 0;
  // Let go of each held item once given out (the graph keeps what it needs).
  for (let i = 0; i < later.length; i++) {
    const read = later[i];
    later[i] = undefined as unknown as ReadItem;
    yield read;
    if (++pending === TICK) {
      progress.tick(pending);
      pending = 0;
    }
  }
  progress.tick(pending);
}
