/**
 * The controlled vocabulary of the graph: entity schemata (FollowTheMoney node schemata) and relationship
 * types (each mapped to an FtM edge schema and its two properties, so that data goes back out as FtM).
 * Anything from user input that becomes a label or a relationship type is checked against these lists.
 */
import { NODE_SCHEMATA } from "./ftm.ts";

/** Entity labels: every FtM node schema (concrete things that are no edge), from the FtM model. */
export const SCHEMATA: readonly string[] = NODE_SCHEMATA;

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
  // The other FtM edge schemata, so that every FtM edge imports as a relationship (labels are FtM's own).
  {
    type: "HOLDS_POSITION",
    label: "holds",
    description: "Holds or held the target position (FtM Occupancy).",
    ftm: { schema: "Occupancy", source: "holder", target: "post" },
    directed: true,
  },
  {
    type: "PAID",
    label: "paid",
    description: "Made a payment to the target (FtM Payment).",
    ftm: { schema: "Payment", source: "payer", target: "beneficiary" },
    directed: true,
  },
  {
    type: "OWES",
    label: "owes",
    description: "Owes a debt to the target (FtM Debt).",
    ftm: { schema: "Debt", source: "debtor", target: "creditor" },
    directed: true,
  },
  {
    type: "AWARDED_TO",
    label: "is awarded to",
    description: "A contract awarded to the target supplier (FtM ContractAward).",
    ftm: { schema: "ContractAward", source: "contract", target: "supplier" },
    directed: true,
  },
  {
    type: "PARTY_TO",
    label: "is a party to",
    description: "Is a party to the target court case (FtM CourtCaseParty).",
    ftm: { schema: "CourtCaseParty", source: "party", target: "case" },
    directed: true,
  },
  {
    type: "PARTICIPATES_IN",
    label: "participates in",
    description: "Participates in the target project (FtM ProjectParticipant).",
    ftm: { schema: "ProjectParticipant", source: "participant", target: "project" },
    directed: true,
  },
  {
    type: "DOCUMENTS",
    label: "documents",
    description: "A document about the target (FtM Documentation).",
    ftm: { schema: "Documentation", source: "document", target: "entity" },
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
export function isSchema(name: string): boolean {
  return SCHEMATA.includes(name);
}

/** When several relationship types map to one FtM edge schema, an imported edge gets the general one. */
const PREFERRED: Record<string, string> = {
  Ownership: "OWNS",
  Control: "CONTROLS",
  Directorship: "DIRECTOR_OF",
  Membership: "MEMBER_OF",
  UnknownLink: "LINKED_TO",
};

/** FtM edge schema -> the relationship type it becomes. */
export function typeForEdgeSchema(schema: string): RelationshipTypeDef | undefined {
  const candidates = RELATIONSHIP_TYPES.filter((t) => t.ftm.schema === schema);
  return candidates.find((t) => t.type === PREFERRED[schema]) ?? candidates[0];
}
