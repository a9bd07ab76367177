/** A synthetic sanctions-like network: clusters of entities, about `edgesPerNode` relationships per entity. */
import type { EntitySummary, Relationship } from "../../client/src/api/types.ts";

const SCHEMATA = ["Person", "Person", "Company", "Company", "Organization", "PublicBody", "Vessel", "Address"];
const TYPES = ["OWNS", "CONTROLS", "DIRECTOR_OF", "REPRESENTS", "LINKED_TO", "FRONT_COMPANY_OF", "FAMILY", "ASSOCIATE"];

/** Mulberry32: a small seeded PRNG, so every run draws the same graph. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function relationship(id: string, type: string, source: string, target: string): Relationship {
  return {
    id,
    type,
    label: type.toLowerCase().replace(/_/g, " "),
    role: null,
    analyst: false,
    startDate: null,
    endDate: null,
    listings: [],
    properties: [],
    source: { id: source },
    target: { id: target },
    sources: [],
  };
}

/**
 * One entity's neighbourhood as the API returns it at depth 1: a hub (`hub`) with `size` neighbours, most of
 * them linked to the hub alone (directors, owned companies, links of a list) and a fifth linked among themselves.
 */
export function syntheticNeighbourhood(size = 150, seed = 53): { entities: EntitySummary[]; relationships: Relationship[] } {
  const rand = prng(seed);
  const entities: EntitySummary[] = [
    { id: "hub", schema: "PublicBody", name: "Ministry of the People's Armed Forces", countries: ["kp"], sanctioned: true, listings: [] },
  ];
  const relationships: Relationship[] = [];
  const kinds = [
    { schema: "Person", type: "DIRECTOR_OF", toHub: true, upTo: 0.35 },
    { schema: "Company", type: "OWNS", toHub: false, upTo: 0.6 },
    { schema: "Company", type: "LINKED_TO", toHub: true, upTo: 0.8 },
    { schema: "Organization", type: "PART_OF", toHub: true, upTo: 1 },
  ];
  for (let i = 1; i <= size; i++) {
    const pick = rand();
    const kind = kinds.find((k) => pick < k.upTo) ?? kinds[0];
    const name = `${kind.schema === "Person" ? "KIM, Chol" : "Korea Trading"} ${i}${kind.schema === "Person" ? "" : " Corporation"}`;
    entities.push({ id: `n${i}`, schema: kind.schema, name, countries: ["kp"], sanctioned: rand() < 0.3, listings: [] });
    relationships.push(relationship(`h${i}`, kind.type, kind.toHub ? `n${i}` : "hub", kind.toHub ? "hub" : `n${i}`));
  }
  // A fifth of the neighbours know each other (a chain), so they are not plain leaves of the hub.
  for (let i = 1; i + 1 <= size / 5; i++) relationships.push(relationship(`l${i}`, "ASSOCIATE", `n${i * 5}`, `n${i * 5 + 5}`));
  return { entities, relationships };
}

export function syntheticNetwork(nodes: number, edgesPerNode = 5, seed = 53): { entities: EntitySummary[]; relationships: Relationship[] } {
  const rand = prng(seed);
  const entities: EntitySummary[] = [];
  for (let i = 0; i < nodes; i++) {
    entities.push({
      id: `e${i}`,
      schema: SCHEMATA[Math.floor(rand() * SCHEMATA.length)],
      name: `Entity ${i} Trading Co.`,
      countries: ["kp"],
      sanctioned: rand() < 0.15,
      listings: [],
    });
  }
  const cluster = 25;
  const relationships: Relationship[] = [];
  const seen = new Set<string>();
  const target = nodes * edgesPerNode;
  while (relationships.length < target) {
    const a = Math.floor(rand() * nodes);
    // 85% of links stay within the cluster, the rest go anywhere.
    const b =
      rand() < 0.85 ? Math.min(nodes - 1, Math.floor(a / cluster) * cluster + Math.floor(rand() * cluster)) : Math.floor(rand() * nodes);
    if (a === b || seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    const type = TYPES[Math.floor(rand() * TYPES.length)];
    relationships.push(relationship(`r${relationships.length}`, type, `e${a}`, `e${b}`));
  }
  return { entities, relationships };
}
