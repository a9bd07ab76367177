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
    relationships.push({
      id: `r${relationships.length}`,
      type,
      label: type.toLowerCase().replace(/_/g, " "),
      role: null,
      analyst: false,
      startDate: null,
      endDate: null,
      listings: [],
      properties: [],
      source: { id: `e${a}` },
      target: { id: `e${b}` },
      sources: [],
    });
  }
  return { entities, relationships };
}
