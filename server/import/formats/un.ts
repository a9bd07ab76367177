/**
 * UN Security Council Consolidated List XML (CONSOLIDATED_LIST > INDIVIDUALS/ENTITIES). INDIVIDUAL -> Person,
 * ENTITY -> Organization, id `unsc-<DATAID>` as OpenSanctions names UN records (an FtM id holds no dot: FtM reads
 * what follows a dot as a signature, so `unsc-KPe.001` would merge with every other `unsc-KPe.*`). The former id
 * `unsc-<REFERENCE_NUMBER>` stays a referent and still finds the entity. The UN list type (DPRK, ...) is the
 * sanction's program and the reference number its programId; one Source per record.
 */

import { countryCode } from "../../model/countries.ts";
import { dateFromFileName, isoDate } from "../../model/dates.ts";
import { EntityBuilder } from "../entity-builder.ts";
import { children, text, type XmlNode, xmlRecords } from "../readers/xml.ts";
import { type Importer, ImportInputError, type ImportItem, type Phase } from "../types.ts";

export const UN_PUBLISHER = "United Nations Security Council";
export const UN_DATASET = "un_sc_sanctions";
const UN_URL = "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list";
const RECORDS = new Set(["INDIVIDUAL", "ENTITY"]);

export const unEntityId = (dataId: string) => `unsc-${dataId}`;
/** The id the importer gave UN records before it used DATAID; kept as a referent. */
export const unFormerId = (reference: string) => `unsc-${reference}`;

export class UnXmlImporter implements Importer {
  readonly format = "un-xml";
  private generated = new Map<string, string>();
  private total = 0;

  constructor(
    readonly files: string[],
    private readonly options: { date?: string } = {},
  ) {}

  async check(): Promise<void> {
    for (const file of this.files) {
      let root = "";
      const seen = new Set<string>();
      for await (const node of xmlRecords(file, RECORDS, (r) => {
        root = r.name;
        if (r.name !== "CONSOLIDATED_LIST") {
          throw new ImportInputError(file, "line 1", `expected a UN consolidated list (<CONSOLIDATED_LIST>), found <${r.name}>`);
        }
        const generated = r.attrs.dateGenerated?.slice(0, 10);
        if (generated) this.generated.set(file, generated);
      })) {
        const reference = text(node, "REFERENCE_NUMBER");
        if (!reference) throw new ImportInputError(file, `line ${node.line}`, `${node.name} without REFERENCE_NUMBER`);
        if (!/^\d+$/.test(text(node, "DATAID") ?? ""))
          throw new ImportInputError(file, `line ${node.line}`, `${node.name} ${reference} without a numeric DATAID`);
        if (!text(node, "FIRST_NAME")) throw new ImportInputError(file, `line ${node.line}`, `${node.name} ${reference} has no name`);
        if (seen.has(reference)) throw new ImportInputError(file, `line ${node.line}`, `REFERENCE_NUMBER ${reference} appears twice`);
        seen.add(reference);
        this.total++;
      }
      if (root !== "CONSOLIDATED_LIST") throw new ImportInputError(file, "", "not a UN consolidated list");
    }
  }

  phases(): Phase[] {
    return [{ name: "records", expected: this.total * 3, items: () => this.records() }];
  }

  private async *records(): AsyncGenerator<ImportItem> {
    for (const file of this.files) {
      const date = this.options.date ?? this.generated.get(file) ?? dateFromFileName(file);
      for await (const node of xmlRecords(file, RECORDS)) yield* this.convert(node, date);
    }
  }

  private *convert(node: XmlNode, date: string | undefined): Generator<ImportItem> {
    const reference = text(node, "REFERENCE_NUMBER") as string;
    const dataId = text(node, "DATAID") as string;
    const entity = new EntityBuilder(unEntityId(dataId), node.name === "INDIVIDUAL" ? "Person" : "Organization", [UN_DATASET]);
    // The UN XML breaks long values over lines: one space between words.
    const add = (prop: string, value: string | undefined) => entity.add(prop, value?.replace(/\s+/g, " "));
    const name = joinedText(node, ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"], " ");
    add("name", name);
    add("alias", text(node, "NAME_ORIGINAL_SCRIPT"));
    add("topics", "sanction");
    const listType = text(node, "UN_LIST_TYPE");
    add("program", listType);
    add("notes", text(node, "COMMENTS1"));
    if (entity.schema === "Person") personValues(node, add);
    for (const alias of [...children(node, "INDIVIDUAL_ALIAS"), ...children(node, "ENTITY_ALIAS")]) {
      const aliasName = text(alias, "ALIAS_NAME")?.replace(/^"(.*)"$/, "$1");
      const quality = text(alias, "QUALITY")?.toLowerCase();
      if (aliasName) add(quality === "low" ? "weakAlias" : quality === "f.k.a." ? "previousName" : "alias", aliasName);
    }
    for (const address of [...children(node, "INDIVIDUAL_ADDRESS"), ...children(node, "ENTITY_ADDRESS")]) {
      add("address", joinedText(address, ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"]));
      add("country", countryCode(text(address, "COUNTRY")));
    }
    const source = {
      id: `unsc-source-${dataId}`,
      publisher: UN_PUBLISHER,
      title: "United Nations Security Council Consolidated List",
      url: UN_URL,
      date,
      recordId: reference,
      excerpt: `${reference}: ${name} (${listType ?? "?"} list, listed ${text(node, "LISTED_ON") ?? "?"})`,
    };
    entity.source(source);
    entity.sanction({
      id: `unsc-sanction-${dataId}`,
      authority: UN_PUBLISHER,
      program: listType,
      programId: reference,
      listingDate: isoDate(text(node, "LISTED_ON")),
      sourceIds: [source.id],
    });
    yield* entity.items({ referents: [unFormerId(reference)] });
  }
}

/** The texts of the child elements `names` that are present, joined (", " by default). */
function joinedText(node: XmlNode, names: string[], separator = ", "): string {
  return names
    .map((n) => text(node, n))
    .filter(Boolean)
    .join(separator);
}

/** An INDIVIDUAL's gender, titles, designations, nationalities, dates and places of birth and documents. */
function personValues(node: XmlNode, add: (prop: string, value: string | undefined) => void): void {
  const gender = text(node, "GENDER")?.toLowerCase();
  if (gender === "male" || gender === "female") add("gender", gender);
  for (const v of children(children(node, "TITLE")[0], "VALUE")) add("title", text(v));
  for (const v of children(children(node, "DESIGNATION")[0], "VALUE")) add("position", text(v));
  for (const v of children(children(node, "NATIONALITY")[0], "VALUE")) {
    const code = countryCode(text(v));
    if (code) add("nationality", code);
    else add("notes", `Nationality: ${text(v)}`);
  }
  for (const dob of children(node, "INDIVIDUAL_DATE_OF_BIRTH")) {
    add("birthDate", isoDate(text(dob, "DATE")) ?? text(dob, "YEAR"));
    const from = text(dob, "FROM_YEAR");
    const to = text(dob, "TO_YEAR");
    if (from && to) {
      add("birthDate", from);
      add("birthDate", to);
    }
  }
  for (const pob of children(node, "INDIVIDUAL_PLACE_OF_BIRTH")) {
    add("birthPlace", joinedText(pob, ["CITY", "STATE_PROVINCE", "COUNTRY"]));
    add("birthCountry", countryCode(text(pob, "COUNTRY")));
  }
  for (const doc of children(node, "INDIVIDUAL_DOCUMENT")) {
    const number = text(doc, "NUMBER");
    if (!number) continue;
    const type = `${text(doc, "TYPE_OF_DOCUMENT") ?? ""} ${text(doc, "TYPE_OF_DOCUMENT2") ?? ""}`.toLowerCase();
    add(type.includes("passport") ? "passportNumber" : "idNumber", number);
  }
}
