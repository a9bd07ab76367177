/**
 * OFAC SDN advanced XML (the "Advanced Sanctions List Standard": <Sanctions> with ReferenceValueSets,
 * Locations, IDRegDocuments, DistinctParties, ProfileRelationships, SanctionsEntries).
 *
 * The check pass streams the whole file and keeps only what records refer to by id: reference values,
 * locations (as address text), documents by identity and programs/listing dates by profile, a fraction of the
 * file. The record phase then streams DistinctParty elements one at a time, and the link phase the
 * ProfileRelationship elements, typed by OFAC_RELATIONS below (OFAC's label verbatim in `role`).
 */

import { countryCode } from "../../../model/countries.ts";
import { dateFromFileName } from "../../../model/dates.ts";
import { EntityBuilder } from "../../entity-builder.ts";
import { child, children, text, type XmlNode, xmlRecords } from "../../readers/xml.ts";
import { type Importer, ImportInputError, type ImportItem, type Phase } from "../../types.ts";
import { OFAC_DATASET, OFAC_PUBLISHER, ofacEntityId, ofacSanctionId } from "./common.ts";
import { parseRemarks } from "./remarks.ts";

/** OFAC RelationTypeID -> relationship type; `reverse` when OFAC's From is our target (e.g. "Owned or Controlled By"). */
export const OFAC_RELATIONS: Record<string, { label: string; type: string; reverse: boolean }> = {
  "1555": { label: "Associate Of", type: "LINKED_TO", reverse: false },
  "15001": { label: "Providing support to", type: "LINKED_TO", reverse: false },
  "15002": { label: "Acting for or on behalf of", type: "REPRESENTS", reverse: false },
  "15003": { label: "Owned or Controlled By", type: "OWNS", reverse: true },
  "15004": { label: "Family member of", type: "FAMILY", reverse: false },
  "91725": { label: "Leader or official of", type: "DIRECTOR_OF", reverse: false },
  "91422": { label: "playing a significant role in", type: "MEMBER_OF", reverse: false },
  "91900": { label: "Principal Executive Officer", type: "LEADS", reverse: false },
  "92019": { label: "Owns, controls, or operates", type: "OWNS", reverse: false },
  "92122": { label: "Property in the interest of", type: "OWNS", reverse: true },
};

const SCHEMA_BY_PARTY: Record<string, string> = { Individual: "Person", Entity: "Organization", Vessel: "Vessel", Aircraft: "Airplane" };
const ALIAS_PROP: Record<string, string> = { "A.K.A.": "alias", "F.K.A.": "previousName", "N.K.A.": "alias", Name: "name" };
const FEATURES: Record<string, string> = {
  Birthdate: "birthDate",
  "Place of Birth": "birthPlace",
  "Nationality Country": "nationality",
  "Citizenship Country": "citizenship",
  Gender: "gender",
  Location: "address",
  "Vessel Flag": "flag",
  "Vessel Call Sign": "callSign",
  "Vessel Type": "type",
  "Vessel Tonnage": "tonnage",
  "Vessel Gross Registered Tonnage": "grossRegisteredTonnage",
  "Vessel Year of Build": "buildDate",
  Website: "website",
  "Email Address": "email",
  "Phone Number": "phone",
  "Organization Established Date": "incorporationDate",
  "Organization Type:": "sector",
  "Target Type": "classification",
  Title: "position",
  "Aircraft Model": "model",
  "Aircraft Manufacture Date": "buildDate",
  "Aircraft Operator": "operator",
};
const COUNTRY_FEATURES = new Set(["nationality", "citizenship", "flag"]);

const SECTIONS = new Set([
  "DateOfIssue",
  "ReferenceValueSets",
  "Location",
  "IDRegDocument",
  "SanctionsEntry",
  "DistinctParty",
  "ProfileRelationship",
]);

interface Location {
  text: string;
  country?: string;
}

function datePart(node: XmlNode | undefined): string | undefined {
  const y = text(node, "Year");
  if (!y) return undefined;
  const m = text(node, "Month");
  const d = text(node, "Day");
  return [y, m?.padStart(2, "0"), m && d ? d.padStart(2, "0") : undefined].filter(Boolean).join("-");
}

/** A DatePeriod -> one date (exact, or a whole year written as 01-01..12-31) or its two ends. */
function period(node: XmlNode | undefined): string[] {
  if (!node) return [];
  const from = datePart(child(child(node, "Start"), "From"));
  const to = datePart(child(child(node, "End"), "To")) ?? datePart(child(child(node, "Start"), "To"));
  if (!from) return to ? [to] : [];
  if (!to || to === from) return [from];
  if (from.slice(0, 4) === to.slice(0, 4) && from.endsWith("-01-01") && to.endsWith("-12-31")) return [from.slice(0, 4)];
  return [from, to];
}

/** A documented name's parts by their type (Last Name, First Name, Entity Name, Vessel Name, ...). */
export type NameParts = Record<string, string[]>;

/** The name as one string: an entity's, vessel's or aircraft's name, else "Last, Given Middle Patronymic", else the parts. */
export function wholeName(parts: NameParts): string {
  const last = parts["Last Name"]?.join(" ");
  const given = [...(parts["First Name"] ?? []), ...(parts["Middle Name"] ?? []), ...(parts.Patronymic ?? [])].join(" ");
  return (
    parts["Entity Name"]?.join(" ") ??
    parts["Vessel Name"]?.join(" ") ??
    parts["Aircraft Name"]?.join(" ") ??
    (last && given ? `${last}, ${given}` : (last ?? (given || Object.values(parts).flat().join(" "))))
  );
}

interface IdDocument {
  type: string;
  number: string;
  country?: string;
}

/** An identity document read the way the CSV remarks are ("Passport X", "Tax ID No. Y"); a vessel's IMO number as such. */
export function documentValues(doc: IdDocument, entity: Pick<EntityBuilder, "add" | "schema">): void {
  const parsed = parseRemarks(`${doc.type} ${doc.number}`).properties;
  const keys = Object.keys(parsed).filter((k) => k !== "notes");
  if (keys.length)
    for (const k of keys)
      for (const v of parsed[k]) entity.add(k === "idNumber" && entity.schema === "Vessel" ? "imoNumber" : k, v.replace(/^IMO\s+/, ""));
  else entity.add("idNumber", doc.number);
  if (doc.country) entity.add("country", doc.country);
}

export class OfacAdvancedXmlImporter implements Importer {
  readonly format = "ofac-xml";
  private refs = new Map<string, Map<string, { text: string; attrs: Record<string, string> }>>();
  private locations = new Map<string, Location>();
  private documents = new Map<string, IdDocument[]>();
  private entries = new Map<string, { programs: string[]; listingDate?: string }>();
  private dates = new Map<string, string>();
  private counts: Record<string, number> = {};
  private totals = { parties: 0, relations: 0 };

  constructor(
    readonly files: string[],
    private readonly options: { date?: string } = {},
  ) {}

  notes() {
    return this.counts;
  }

  private ref(set: string, id: string | undefined) {
    return id ? this.refs.get(set)?.get(id) : undefined;
  }

  async check(): Promise<void> {
    for (const file of this.files) {
      let root = "";
      const onRoot = (r: { name: string }) => {
        root = r.name;
        if (r.name !== "Sanctions")
          throw new ImportInputError(file, "line 1", `expected OFAC advanced XML (<Sanctions>), found <${r.name}>`);
      };
      for await (const node of xmlRecords(file, SECTIONS, onRoot)) {
        const where = `line ${node.line}`;
        switch (node.name) {
          case "DateOfIssue": {
            const date = datePart(node);
            if (date) this.dates.set(file, date);
            break;
          }
          case "ReferenceValueSets":
            for (const set of node.children) {
              for (const value of set.children) {
                const map = this.refs.get(value.name) ?? new Map();
                map.set(value.attrs.ID, { text: value.text.trim(), attrs: value.attrs });
                this.refs.set(value.name, map);
              }
            }
            break;
          case "Location": {
            const parts = children(node, "LocationPart")
              .map((p) => text(child(p, "LocationPartValue"), "Value"))
              .filter(Boolean);
            const countryRef = this.ref("Country", child(node, "LocationCountry")?.attrs.CountryID);
            const countryName = countryRef?.text;
            this.locations.set(node.attrs.ID, {
              text: [...parts, countryName].filter(Boolean).join(", "),
              country: countryRef?.attrs.ISO2?.toLowerCase() ?? countryCode(countryName),
            });
            break;
          }
          case "IDRegDocument": {
            const number = text(node, "IDRegistrationNo");
            const type = this.ref("IDRegDocType", node.attrs.IDRegDocTypeID)?.text;
            if (!number || !type) break;
            const list = this.documents.get(node.attrs.IdentityID) ?? [];
            const country = this.ref("Country", node.attrs["IssuedBy-CountryID"]);
            list.push({ type, number, country: country?.attrs.ISO2?.toLowerCase() ?? countryCode(country?.text) });
            this.documents.set(node.attrs.IdentityID, list);
            break;
          }
          case "SanctionsEntry": {
            const profile = node.attrs.ProfileID;
            if (!profile) throw new ImportInputError(file, where, "SanctionsEntry without ProfileID");
            const entry = this.entries.get(profile) ?? { programs: [] };
            for (const measure of children(node, "SanctionsMeasure")) {
              if (this.ref("SanctionsType", measure.attrs.SanctionsTypeID)?.text !== "Program") continue;
              const program = text(measure, "Comment");
              if (program && !entry.programs.includes(program)) entry.programs.push(program);
            }
            const listed = datePart(child(children(node, "EntryEvent")[0], "Date"));
            entry.listingDate ??= listed;
            this.entries.set(profile, entry);
            break;
          }
          case "DistinctParty": {
            const profile = child(node, "Profile");
            if (!profile?.attrs.ID)
              throw new ImportInputError(file, where, `DistinctParty ${node.attrs.FixedRef ?? ""} without a Profile ID`);
            if (!child(profile, "Identity")) throw new ImportInputError(file, where, `Profile ${profile.attrs.ID} without an Identity`);
            this.totals.parties++;
            break;
          }
          case "ProfileRelationship":
            if (!node.attrs["From-ProfileID"] || !node.attrs["To-ProfileID"] || !node.attrs.RelationTypeID) {
              throw new ImportInputError(
                file,
                where,
                `ProfileRelationship ${node.attrs.ID ?? ""} lacks From-ProfileID, To-ProfileID or RelationTypeID`,
              );
            }
            this.totals.relations++;
            break;
        }
      }
      if (root !== "Sanctions") throw new ImportInputError(file, "", "not an OFAC advanced XML file");
      if (!this.totals.parties) throw new ImportInputError(file, "", "no DistinctParty records");
    }
  }

  phases(): Phase[] {
    return [
      { name: "records", expected: this.totals.parties * 3, items: () => this.stream("DistinctParty") },
      { name: "links", expected: this.totals.relations, items: () => this.stream("ProfileRelationship") },
    ];
  }

  private async *stream(name: string): AsyncGenerator<ImportItem> {
    for (const file of this.files) {
      const date = this.options.date ?? this.dates.get(file) ?? dateFromFileName(file);
      for await (const node of xmlRecords(file, new Set([name]))) {
        if (name === "DistinctParty") yield* this.party(node, date);
        else yield this.relation(node);
      }
    }
  }

  private *party(node: XmlNode, date: string | undefined): Generator<ImportItem> {
    const profile = child(node, "Profile") as XmlNode;
    const profileId = profile.attrs.ID;
    const subType = this.ref("PartySubType", profile.attrs.PartySubTypeID);
    let partyType = subType?.text;
    if (!partyType || partyType === "Unknown") partyType = this.ref("PartyType", subType?.attrs.PartyTypeID)?.text;
    const entity = new EntityBuilder(ofacEntityId(profileId), SCHEMA_BY_PARTY[partyType ?? ""] ?? "Organization", [OFAC_DATASET]);
    const identity = child(profile, "Identity") as XmlNode;
    let primary = this.names(identity, entity);
    if (!primary) {
      this.counts.partiesWithoutPrimaryName = (this.counts.partiesWithoutPrimaryName ?? 0) + 1;
      primary = entity.properties.alias?.[0] ?? `OFAC profile ${profileId}`;
    }
    entity.properties.name = [primary]; // an alias of type "Name" does not replace the primary name
    entity.add("topics", "sanction");
    entity.add("notes", text(node, "Comment"));
    for (const doc of this.documents.get(identity.attrs.ID) ?? []) documentValues(doc, entity);
    for (const feature of children(profile, "Feature")) this.feature(feature, entity.add);
    const source = {
      id: `ofac-advanced-${profileId}`,
      publisher: OFAC_PUBLISHER,
      title: "Specially Designated Nationals List (SDN advanced XML)",
      url: `https://sanctionssearch.ofac.treas.gov/Details.aspx?id=${profileId}`,
      date,
      recordId: profileId,
      excerpt: `${primary} (profile ${profileId}, ${partyType ?? "party"})`,
    };
    entity.source(source);
    const { programs = [], listingDate } = this.entries.get(profileId) ?? {};
    for (const program of programs)
      entity.sanction({
        id: ofacSanctionId(profileId, program, programs),
        authority: OFAC_PUBLISHER,
        program,
        listingDate,
        sourceIds: [source.id],
      });
    yield* entity.items();
  }

  /** Adds the identity's names (aliases, weak aliases, previous names; a person's name parts) and returns its primary name. */
  private names(identity: XmlNode, entity: EntityBuilder): string | undefined {
    const partTypes = new Map<string, string>();
    for (const master of children(child(identity, "NamePartGroups"), "MasterNamePartGroup")) {
      for (const group of children(master, "NamePartGroup"))
        partTypes.set(group.attrs.ID, this.ref("NamePartType", group.attrs.NamePartTypeID)?.text ?? "");
    }
    let primary: string | undefined;
    for (const alias of children(identity, "Alias")) {
      const aliasType = this.ref("AliasType", alias.attrs.AliasTypeID)?.text ?? "A.K.A.";
      const isPrimary = alias.attrs.Primary === "true";
      for (const documented of children(alias, "DocumentedName")) {
        const parts: NameParts = {};
        for (const part of children(documented, "DocumentedNamePart")) {
          const value = child(part, "NamePartValue");
          if (!value) continue;
          const kind = partTypes.get(value.attrs.NamePartGroupID) ?? "";
          parts[kind] = [...(parts[kind] ?? []), value.text.trim()];
        }
        const whole = wholeName(parts);
        if (!whole) continue;
        if (isPrimary && !primary) primary = whole;
        else entity.add(alias.attrs.LowQuality === "true" ? "weakAlias" : (ALIAS_PROP[aliasType] ?? "alias"), whole);
        if (isPrimary && entity.schema === "Person") {
          entity.add("lastName", parts["Last Name"]?.join(" "));
          entity.add("firstName", parts["First Name"]?.join(" "));
          entity.add("middleName", parts["Middle Name"]?.join(" "));
        }
      }
    }
    return primary;
  }

  /** One Feature (date of birth, nationality, address, vessel flag, ...) -> its FtM property, or notes when it maps to none. */
  private feature(feature: XmlNode, add: EntityBuilder["add"]): void {
    const label = this.ref("FeatureType", feature.attrs.FeatureTypeID)?.text ?? "";
    const prop = FEATURES[label];
    const version = child(feature, "FeatureVersion");
    const locationId = child(version, "VersionLocation")?.attrs.LocationID;
    const location = locationId ? this.locations.get(locationId) : undefined;
    if (location) {
      if (prop === "address" || !prop) add("address", location.text);
      if (location.country) add(COUNTRY_FEATURES.has(prop ?? "") ? (prop as string) : "country", location.country);
      if (prop === "birthPlace") add("birthPlace", location.text);
      if (prop) return;
    }
    const values = period(child(version, "DatePeriod"));
    const detail = child(version, "VersionDetail");
    if (detail) values.push(this.ref("DetailReference", detail.attrs.DetailReferenceID)?.text ?? detail.text.trim());
    for (const value of values.filter(Boolean)) {
      if (!prop) add("notes", `${label} ${value}`);
      else if (prop === "gender") add(prop, value.toLowerCase());
      else if (COUNTRY_FEATURES.has(prop)) add(prop, countryCode(value) ?? undefined);
      else add(prop, value);
    }
  }

  private relation(node: XmlNode): ImportItem {
    const from = ofacEntityId(node.attrs["From-ProfileID"]);
    const to = ofacEntityId(node.attrs["To-ProfileID"]);
    const typeId = node.attrs.RelationTypeID;
    const label = this.ref("RelationType", typeId)?.text ?? OFAC_RELATIONS[typeId]?.label ?? `relation type ${typeId}`;
    let mapping = OFAC_RELATIONS[typeId] ?? Object.values(OFAC_RELATIONS).find((r) => r.label.toLowerCase() === label.toLowerCase());
    if (!mapping) {
      this.counts.unknownRelationTypes = (this.counts.unknownRelationTypes ?? 0) + 1;
      mapping = { label, type: "LINKED_TO", reverse: false };
    }
    const [source, target] = mapping.reverse ? [to, from] : [from, to];
    const properties: Record<string, string[]> = {};
    const comment = text(node, "Comment");
    if (comment) properties.summary = [comment];
    if (mapping.type === "FAMILY") properties.relationship = [label];
    if (node.attrs.Former === "true") properties.status = ["former"];
    return {
      kind: "relationship",
      record: {
        id: `ofac-relation-${node.attrs.ID}`,
        type: mapping.type,
        source,
        target,
        role: label,
        properties,
        sourceIds: [`ofac-advanced-${node.attrs["From-ProfileID"]}`],
        datasets: [OFAC_DATASET],
      },
    };
  }
}
