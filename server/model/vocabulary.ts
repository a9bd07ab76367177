/**
 * The controlled vocabulary of the graph: entity schemata (FollowTheMoney node schemata) and relationship
 * types (each mapped to an FtM edge schema and its two properties, so that data goes back out as FtM).
 * Anything from user input that becomes a label or a relationship type is checked against these lists.
 */

export const SCHEMATA = [
  "Person",
  "Organization",
  "Company",
  "PublicBody",
  "LegalEntity",
  "Vessel",
  "Airplane",
  "Address",
  "Position",
  "CryptoWallet",
  "BankAccount",
  "Security",
] as const;
export type Schema = (typeof SCHEMATA)[number];

export interface RelationshipTypeDef {
  type: string;
  /** Plain-language label, read from source to target. */
  label: string;
  description: string;
  /** The FtM edge schema it maps to, and which FtM property holds our source and our target. */
  ftm: { schema: string; source: string; target: string };
  directed: boolean;
}

export const RELATIONSHIP_TYPES: readonly RelationshipTypeDef[] = [
  {
    type: "OWNS",
    label: "owns",
    description: "Owns shares in or an interest in the target (with a percentage where known).",
    ftm: { schema: "Ownership", source: "owner", target: "asset" },
    directed: true,
  },
  {
    type: "CONTROLS",
    label: "controls",
    description: "Controls the target (management, voting, state control).",
    ftm: { schema: "Control", source: "controller", target: "controlled" },
    directed: true,
  },
  {
    type: "FRONT_COMPANY_OF",
    label: "is a front company of",
    description: "Is a front company acting for the target.",
    ftm: { schema: "Control", source: "controlled", target: "controller" },
    directed: true,
  },
  {
    type: "OPERATES",
    label: "operates",
    description: "Operates, maintains or directs the target (e.g. a delegation of workers).",
    ftm: { schema: "Control", source: "controller", target: "controlled" },
    directed: true,
  },
  {
    type: "PART_OF",
    label: "is part of",
    description: "Is a department or unit of the target.",
    ftm: { schema: "Membership", source: "member", target: "organization" },
    directed: true,
  },
  {
    type: "LEADS",
    label: "leads",
    description: "Heads the target (president, chief, head).",
    ftm: { schema: "Directorship", source: "director", target: "organization" },
    directed: true,
  },
  {
    type: "DIRECTOR_OF",
    label: "is a director of",
    description: "Is a director or officer of the target.",
    ftm: { schema: "Directorship", source: "director", target: "organization" },
    directed: true,
  },
  {
    type: "REPRESENTS",
    label: "represents",
    description: "Acts for or on behalf of the target.",
    ftm: { schema: "Representation", source: "agent", target: "client" },
    directed: true,
  },
  {
    type: "SUPPLIES",
    label: "supplies",
    description: "Supplies goods or services to the target.",
    ftm: { schema: "UnknownLink", source: "subject", target: "object" },
    directed: true,
  },
  {
    type: "MEMBER_OF",
    label: "is a member of",
    description: "Is a member of the target.",
    ftm: { schema: "Membership", source: "member", target: "organization" },
    directed: true,
  },
  {
    type: "EMPLOYED_BY",
    label: "works for",
    description: "Is employed by the target.",
    ftm: { schema: "Employment", source: "employee", target: "employer" },
    directed: true,
  },
  {
    type: "SUCCEEDED_BY",
    label: "is succeeded by",
    description: "Was succeeded by the target.",
    ftm: { schema: "Succession", source: "predecessor", target: "successor" },
    directed: true,
  },
  {
    type: "FAMILY",
    label: "is family of",
    description: "Is a relative of the target.",
    ftm: { schema: "Family", source: "person", target: "relative" },
    directed: false,
  },
  {
    type: "ASSOCIATE",
    label: "is an associate of",
    description: "Is a known associate of the target.",
    ftm: { schema: "Associate", source: "person", target: "associate" },
    directed: false,
  },
  {
    type: "LINKED_TO",
    label: "is linked to",
    description: "Is linked to the target in a way the source does not type.",
    ftm: { schema: "UnknownLink", source: "subject", target: "object" },
    directed: false,
  },
  {
    type: "SAME_AS",
    label: "is the same party as",
    description: "Is the same party as the target on another list (a shared identifier or an exact name in the same program family).",
    ftm: { schema: "UnknownLink", source: "subject", target: "object" },
    directed: false,
  },
];

export const RELATIONSHIP_TYPE_NAMES = RELATIONSHIP_TYPES.map((r) => r.type);

const typeByName = new Map(RELATIONSHIP_TYPES.map((r) => [r.type, r]));
export function relationshipType(name: string): RelationshipTypeDef | undefined {
  return typeByName.get(name);
}
export function isSchema(name: string): name is Schema {
  return (SCHEMATA as readonly string[]).includes(name);
}

/** Country-valued FtM properties; their values are merged into the node's `countries`. */
export const COUNTRY_PROPERTIES = ["country", "nationality", "citizenship", "jurisdiction", "mainCountry", "birthCountry", "flag"];
/** Name-valued FtM properties; their values (besides the caption) become the node's `aliases`. */
export const NAME_PROPERTIES = ["name", "alias", "weakAlias", "previousName"];
/** Identifier-valued FtM properties, shown as identifiers. */
export const IDENTIFIER_PROPERTIES = [
  "birthDate",
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
  "incorporationDate",
];
