/**
 * Which stored properties are FtM properties and which are the graph's own, and the property groups the graph
 * derives lists from. One list each: the importers, the writer, the export, GraphQL and the link step read them here.
 */
import { propertiesOfType } from "./ftm.ts";

/**
 * Entity node properties that are the graph's own, never FtM properties: derived lists (`names` is FtM's `name`
 * as stored), provenance, and the FtM envelope fields (`referents`, `first_seen`, ...). Never shown in
 * `Entity.properties`, never written as FtM properties by the export.
 */
export const NODE_INTERNAL = new Set([
  "id",
  "schema",
  "name",
  "names",
  "aliases",
  "countries",
  "sanctioned",
  "sourceIds",
  "datasets",
  "referents",
  "derivedProperties",
  "first_seen",
  "last_seen",
  "last_change",
  // Name-matching keys (server/matching/keys.ts)
  "matchTokens",
  "matchPhonetic",
  "matchSkeletons",
  "matchKeyedNames",
  // Listing periods derived from list snapshots (server/history/).
  "listings",
]);

/** Relationship properties that are the graph's own: its ends and provenance, and our annotations (how a link was resolved). */
export const EDGE_INTERNAL = new Set([
  "id",
  "type",
  "source",
  "target",
  "sourceIds",
  "datasets",
  "resolvedBy",
  "evidence",
  "referents",
  "confidence",
  "first_seen",
  "last_seen",
  "last_change",
  // Periods of the list snapshots that stated the link (server/history/).
  "listings",
]);

/** Name-valued FtM properties; their values (besides the caption) become the node's `aliases`. */
export const NAME_PROPERTIES = ["name", "alias", "weakAlias", "previousName"];

/** Country-valued FtM properties (type `country` in the model); their values are merged into the node's `countries`. */
export const COUNTRY_PROPERTIES = propertiesOfType("country");

/**
 * Identifiers that single out one party: shown as identifiers and compared by the same-party (SAME_AS) step
 * (the same value in the same property on two lists is strong evidence).
 */
export const IDENTIFIER_PROPERTIES = [
  "passportNumber",
  "idNumber",
  "registrationNumber",
  "taxNumber",
  "vatCode",
  "leiCode",
  "swiftBic",
  "innCode",
  "ogrnCode",
  "imoNumber",
  "mmsi",
  "callSign",
];

/** Dates that tell parties with the same name apart; shown next to the identifiers. */
export const DISTINGUISHING_DATES = ["birthDate", "incorporationDate"];
