/**
 * The one way the list formats (OFAC CSV and XML, UN XML) build an entity: FtM property values collected value by
 * value (trimmed, blanks and repeats dropped, first-seen order), the sources that state them, the sanctions; then
 * the values cleaned to FtM's forms (server/model/values.ts) and handed to the pipeline as items.
 */
import type { EntityRecord, SanctionRecord, SourceRecord } from "../model/records.ts";
import { cleanValues } from "../model/values.ts";
import type { ImportItem } from "./types.ts";

export type Properties = Record<string, string[]>;

/** Adds one value to an FtM property list: trimmed, and only if it is not blank and not there already. */
export function addValue(properties: Properties, prop: string, value: string | undefined): void {
  const v = value?.trim();
  if (!v) return;
  const list = properties[prop] ?? [];
  if (!list.includes(v)) list.push(v);
  properties[prop] = list;
}

export class EntityBuilder {
  readonly properties: Properties = {};
  readonly sources: SourceRecord[] = [];
  private readonly sanctions: Omit<SanctionRecord, "entityId">[] = [];

  constructor(
    readonly id: string,
    public schema: string,
    private readonly datasets: string[],
  ) {}

  /** Adds a property value (see addValue); bound, so it can be handed to helpers as `add`. */
  readonly add = (prop: string, value: string | undefined): void => addValue(this.properties, prop, value);

  /** Adds every value of `properties` (e.g. what the OFAC remarks parser found), in order. */
  merge(properties: Properties): void {
    for (const [prop, values] of Object.entries(properties)) for (const v of values) this.add(prop, v);
  }

  source(record: SourceRecord): void {
    this.sources.push(record);
  }

  sanction(record: Omit<SanctionRecord, "entityId">): void {
    this.sanctions.push(record);
  }

  /** The sources, the entity (values cleaned; every source cited) and its sanctions, in the order the pipeline writes them. */
  *items(extra: Pick<EntityRecord, "referents"> = {}): Generator<ImportItem> {
    cleanValues(this.properties);
    for (const record of this.sources) yield { kind: "source", record };
    const entity: EntityRecord = {
      id: this.id,
      schema: this.schema,
      properties: this.properties,
      sourceIds: this.sources.map((s) => s.id),
      datasets: this.datasets,
      ...extra,
    };
    yield { kind: "entity", record: entity };
    for (const sanction of this.sanctions) yield { kind: "sanction", record: { ...sanction, entityId: this.id } };
  }
}
