/** Small API-shaped fixtures (the Department 53 network's shape) for the client's unit tests. */
import type { EntitySummary, Path, Relationship, RelationshipConnection, Source, Subgraph } from "../../client/src/api/types.ts";

export const source = (id: string, extra: Partial<Source> = {}): Source => ({
  id,
  publisher: "U.S. Department of the Treasury",
  title: "SDN list",
  url: "https://sanctionssearch.ofac.treas.gov/",
  date: "2025-01-16",
  recordId: null,
  excerpt: null,
  ...extra,
});

export const entity = (id: string, name: string, schema = "Company", sanctioned = true): EntitySummary => ({
  id,
  name,
  schema,
  sanctioned,
  countries: ["kp"],
  listings: [],
});

export const rel = (id: string, type: string, from: string, to: string, extra: Partial<Relationship> = {}): Relationship => ({
  id,
  type,
  label: type.toLowerCase().replace(/_/g, " "),
  role: null,
  analyst: false,
  startDate: null,
  endDate: null,
  listings: [],
  properties: [],
  source: { id: from },
  target: { id: to },
  sources: [source(`src-${id}`)],
  ...extra,
});

export const DEPT53 = entity("ofac-52262", "DEPARTMENT 53", "PublicBody");
export const CHONSURIM = entity("ofac-52283", "CHONSURIM TRADING CORPORATION");
export const OSONG = entity("ofac-52282", "KOREA OSONG SHIPPING CORPORATION");
export const LIAONING = entity("ofac-52264", "LIAONING CHINA TRADE INDUSTRY CO., LTD.");
export const JONG = entity("ofac-52289", "JONG, In Chol", "Person");
export const DELEGATION = entity("seed-chonsurim-it-delegation-laos", "Chonsurim IT worker delegation in Laos", "Organization", false);

export const FRONT = rel("r-front", "FRONT_COMPANY_OF", CHONSURIM.id, DEPT53.id, { label: "is a front company of", role: "front company" });
export const OSONG_FRONT = rel("r-osong", "FRONT_COMPANY_OF", OSONG.id, DEPT53.id, { label: "is a front company of" });
export const SUPPLIES = rel("r-supplies", "SUPPLIES", LIAONING.id, DEPT53.id, { label: "supplies" });
export const LINKED = rel("r-linked", "LINKED_TO", JONG.id, CHONSURIM.id, { label: "is linked to" });
export const LEADS = rel("r-leads", "LEADS", JONG.id, DELEGATION.id, { label: "leads" });
export const OPERATES = rel("r-operates", "OPERATES", CHONSURIM.id, DELEGATION.id, { label: "operates" });

/** Department 53 at depth 1: itself, two front companies and the supplier; Chonsurim has 2 relationships outside. */
export const SUBGRAPH: Subgraph = {
  nodes: [DEPT53, CHONSURIM, OSONG, LIAONING],
  edges: [FRONT, OSONG_FRONT, SUPPLIES],
  omitted: [
    { id: CHONSURIM.id, count: 2 },
    { id: DEPT53.id, count: 1 },
  ],
  truncated: false,
};

export function page(
  entityId: string,
  edges: { r: Relationship; other: EntitySummary }[],
  totalCount: number,
  hasNextPage: boolean,
): RelationshipConnection {
  return {
    totalCount,
    countsByType: [{ type: "X", direction: "OUTGOING", count: totalCount }],
    edges: edges.map(({ r, other }, i) => ({
      cursor: `c${i}`,
      direction: r.source.id === entityId ? "OUTGOING" : "INCOMING",
      node: r,
      other,
    })),
    pageInfo: { hasNextPage, endCursor: edges.length ? `c${edges.length - 1}` : null },
  };
}

/** Liaoning -> Department 53 <- Chonsurim <- Jong. */
export const PATH: Path = {
  length: 3,
  nodes: [LIAONING, DEPT53, CHONSURIM, JONG],
  hops: [
    { from: { id: LIAONING.id }, to: { id: DEPT53.id }, direction: "OUTGOING", relationship: SUPPLIES },
    { from: { id: DEPT53.id }, to: { id: CHONSURIM.id }, direction: "INCOMING", relationship: FRONT },
    { from: { id: CHONSURIM.id }, to: { id: JONG.id }, direction: "INCOMING", relationship: LINKED },
  ],
};
