/**
 * The synthetic sanctions network: FtM JSON lines, one entity per line, streamed in a fixed order from one
 * seeded PRNG (same seed and size = byte-identical output). Shape, for N node entities:
 *
 * - index ranges per schema: six named super-nodes (three ministries, two state banks, a registered-agent
 *   address), then Person 50%, Company 32%, Organization 5%, PublicBody 0.5%, Vessel 3%, Address the rest;
 * - heavy-tailed degrees: every ordinary link picks its far end with a skewed draw (index ~ n * u^2, a power
 *   law like preferential attachment, without state), and the super-nodes get max(1000, N/100) links each
 *   (the registered agent twice that);
 * - ownership chains: companies come in blocks of 16 whose first five form a chain (each owned by the one
 *   before, 51-100 %), the chain's head often owned by a person; other Ownership edges carry 1-100 %;
 * - people with aliases in several romanisations (Kyong-sik / Kyong Sik / Gyeong Sik, Kim/Gim, Chol/Cheol);
 * - about 5 % of parties sanctioned (Sanction entities over eight programs and four authorities; some twice).
 *
 * Memory: the degree of every node and the two ends of every link are kept in typed arrays (about 20 MB at a
 * million entities) so that the sidecar can name benchmark targets: super-nodes, normal nodes and pairs found
 * at 2..6 hops by breadth-first search.
 */
import type { Writable } from "node:stream";
import { address, companyName, PROGRAMS, personName, vesselName } from "./names.ts";
import { mix, Rng } from "./rng.ts";

export interface GenerateOptions {
  entities: number;
  seed: number;
  out: Writable;
  /** Called now and then with the lines written so far. */
  progress?: (nodes: number, lines: number) => void;
}

export interface Sidecar {
  generator: string;
  seed: number;
  entities: number;
  lines: number;
  relationships: number;
  sanctions: number;
  sanctioned: number;
  schemata: Record<string, number>;
  edgeSchemata: Record<string, number>;
  superNodes: { id: string; name: string; schema: string; degree: number }[];
  /** Ordinary nodes (degree 3..8), for entity and neighbourhood benchmarks. */
  normalNodes: { id: string; schema: string; degree: number }[];
  /** Pairs whose shortest undirected distance is exactly `hops`. */
  pathPairs: { hops: number; from: string; to: string }[];
  /** People with transliteration variants among their aliases, for the search benchmark. */
  searchSamples: { id: string; name: string; aliases: string[] }[];
  degree: { max: number; p50: number; p99: number; p999: number };
}

const HUBS = [
  { schema: "PublicBody", name: "Ministry of the People's Armed Forces", country: "kp", kind: "ministry" },
  { schema: "PublicBody", name: "Ministry of External Economic Relations", country: "kp", kind: "ministry" },
  { schema: "PublicBody", name: "Ministry of State Security", country: "kp", kind: "ministry" },
  { schema: "Company", name: "Foreign Trade Bank of the Democratic People's Republic of Korea", country: "kp", kind: "bank" },
  { schema: "Company", name: "Korea Kwangson Banking Corporation", country: "kp", kind: "bank" },
  { schema: "Address", name: "Trust Company Complex, Ajeltake Road, Ajeltake Island, Majuro", country: "mh", kind: "agent" },
] as const;

const DIRECTOR_ROLES = ["Director", "General Director", "Chairman", "President", "Chief Representative"];
const FAMILY_ROLES = ["brother", "sister", "spouse", "son", "daughter", "father"];

export class Ranges {
  readonly hubs = HUBS.length;
  readonly person: [number, number];
  readonly company: [number, number];
  readonly organization: [number, number];
  readonly publicBody: [number, number];
  readonly vessel: [number, number];
  readonly address: [number, number];

  constructor(readonly n: number) {
    if (n < 100) throw new Error("--entities must be at least 100");
    const rest = n - this.hubs;
    let at = this.hubs;
    const take = (share: number): [number, number] => {
      const size = Math.max(1, Math.round(rest * share));
      const range: [number, number] = [at, at + size];
      at += size;
      return range;
    };
    this.person = take(0.5);
    this.company = take(0.32);
    this.organization = take(0.05);
    this.publicBody = take(0.005);
    this.vessel = take(0.03);
    this.address = [at, n];
  }

  schemaOf(i: number): string {
    if (i < this.hubs) return HUBS[i].schema;
    if (i < this.person[1]) return "Person";
    if (i < this.company[1]) return "Company";
    if (i < this.organization[1]) return "Organization";
    if (i < this.publicBody[1]) return "PublicBody";
    if (i < this.vessel[1]) return "Vessel";
    return "Address";
  }
}

/** The id of node i: stable for a seed, shaped like the opaque ids of real FtM exports. */
export function nodeId(i: number, seed: number): string {
  return `syn-${mix(i, seed).toString(16).padStart(8, "0")}${i.toString(36)}`;
}

class EdgeStore {
  from = new Int32Array(1 << 16);
  to = new Int32Array(1 << 16);
  size = 0;

  push(a: number, b: number) {
    if (this.size === this.from.length) {
      const grow = (old: Int32Array) => {
        const next = new Int32Array(old.length * 2);
        next.set(old);
        return next;
      };
      this.from = grow(this.from);
      this.to = grow(this.to);
    }
    this.from[this.size] = a;
    this.to[this.size] = b;
    this.size++;
  }
}

export async function generate({ entities: n, seed, out, progress }: GenerateOptions): Promise<Sidecar> {
  const rng = new Rng(seed);
  const ranges = new Ranges(n);
  const degree = new Int32Array(n);
  const edges = new EdgeStore();
  const id = (i: number) => nodeId(i, seed);
  const schemata: Record<string, number> = {};
  const edgeSchemata: Record<string, number> = {};
  let relCount = 0;
  let sanctionCount = 0;
  let sanctioned = 0;
  let lines = 0;
  let reported = 0;
  const searchSamples: Sidecar["searchSamples"] = [];
  const datasets = ["synthetic_sanctions"];

  let buffer: string[] = [];
  const flush = async () => {
    if (!buffer.length) return;
    const chunk = `${buffer.join("\n")}\n`;
    buffer = [];
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", resolve));
  };
  const emit = (entity: { id: string; schema: string; properties: Record<string, string[]>; datasets: string[] }) => {
    buffer.push(JSON.stringify(entity));
    lines++;
  };

  const span = (r: [number, number]) => r[1] - r[0];
  const skewedIn = (r: [number, number]) => r[0] + rng.skewed(span(r));
  const year = () => String(2005 + rng.int(20));
  const date = () => `${year()}-${String(1 + rng.int(12)).padStart(2, "0")}-${String(1 + rng.int(28)).padStart(2, "0")}`;

  const link = (schema: string, a: number, b: number, ends: [string, string], extra: Record<string, string[]> = {}) => {
    if (a === b) return;
    relCount++;
    edgeSchemata[schema] = (edgeSchemata[schema] ?? 0) + 1;
    degree[a]++;
    degree[b]++;
    edges.push(a, b);
    emit({
      id: `syn-rel-${relCount.toString(36)}`,
      schema,
      properties: { [ends[0]]: [id(a)], [ends[1]]: [id(b)], ...extra },
      datasets,
    });
  };
  const OWNERSHIP: [string, string] = ["owner", "asset"];
  const DIRECTORSHIP: [string, string] = ["director", "organization"];
  const MEMBERSHIP: [string, string] = ["member", "organization"];
  const EMPLOYMENT: [string, string] = ["employee", "employer"];
  const FAMILY: [string, string] = ["person", "relative"];
  const REPRESENTATION: [string, string] = ["agent", "client"];
  const UNKNOWN: [string, string] = ["subject", "object"];
  const pct = (low: number) => ({ percentage: [String(low + rng.int(101 - low))] });

  // Super-node link probabilities: each hub gets about max(1000, N/100) links (the registered agent twice that).
  const hubLinks = Math.max(1000, Math.round(n / 100));
  const persons = span(ranges.person);
  const companies = span(ranges.company);
  const pMinistry = Math.min(0.9, (3 * hubLinks) / persons);
  const pBank = Math.min(0.9, (2 * hubLinks) / companies);
  const pAgent = Math.min(0.9, (2 * hubLinks) / companies);

  const sanction = (i: number, entityId: string) => {
    const count = rng.chance(0.2) ? 2 : 1;
    const first = rng.int(PROGRAMS.length);
    for (let k = 0; k < count; k++) {
      const p = PROGRAMS[(first + k * 3) % PROGRAMS.length];
      sanctionCount++;
      emit({
        id: `syn-sanction-${i.toString(36)}-${k}`,
        schema: "Sanction",
        properties: {
          entity: [entityId],
          authority: [p.authority],
          program: [p.program],
          listingDate: [date()],
        },
        datasets,
      });
    }
  };

  for (let i = 0; i < n; i++) {
    const schema = ranges.schemaOf(i);
    schemata[schema] = (schemata[schema] ?? 0) + 1;
    const eid = id(i);
    const isSanctioned = i < ranges.hubs || (schema !== "Address" && rng.chance(0.05));
    const topics: Record<string, string[]> = isSanctioned ? { topics: ["sanction"] } : {};
    if (i < ranges.hubs) {
      const hub = HUBS[i];
      const props: Record<string, string[]> =
        hub.schema === "Address" ? { full: [hub.name], country: [hub.country] } : { country: [hub.country], ...topics };
      emit({ id: eid, schema, properties: { name: [hub.name], ...props }, datasets });
    } else if (schema === "Person") {
      const p = personName(rng);
      const props: Record<string, string[]> = {
        name: [p.name],
        firstName: [p.firstName],
        lastName: [p.lastName],
        nationality: [p.nationality],
        birthDate: [`${1950 + rng.int(50)}-${String(1 + rng.int(12)).padStart(2, "0")}-${String(1 + rng.int(28)).padStart(2, "0")}`],
      };
      if (p.aliases.length) props.alias = p.aliases;
      if (rng.chance(0.3)) props.passportNumber = [String(100000000 + rng.int(900000000))];
      Object.assign(props, topics);
      emit({ id: eid, schema, properties: props, datasets });
      if (p.aliases.length >= 2 && p.nationality === "kp" && searchSamples.length < 5 && rng.chance(0.01)) {
        searchSamples.push({ id: eid, name: p.name, aliases: p.aliases });
      }
    } else if (schema === "Company" || schema === "Organization" || schema === "PublicBody") {
      const c = companyName(rng, i);
      const props: Record<string, string[]> = {
        name: schema === "PublicBody" ? [`${c.name.split(" ").slice(0, 2).join(" ")} Bureau ${(i % 53) + 1}`] : [c.name],
        country: [rng.pick(["kp", "kp", "cn", "ru", "hk", "la", "ae"])],
      };
      if (c.aliases.length && schema !== "PublicBody") props.alias = c.aliases;
      if (schema === "Company") props.registrationNumber = [String(10000000 + ((i * 7919) % 89999999))];
      Object.assign(props, topics);
      emit({ id: eid, schema, properties: props, datasets });
    } else if (schema === "Vessel") {
      emit({
        id: eid,
        schema,
        properties: {
          name: [vesselName(rng, i)],
          imoNumber: [String(8000000 + (i % 999999))],
          flag: [rng.pick(["kp", "pa", "tg", "sl", "km"])],
          ...topics,
        },
        datasets,
      });
    } else {
      const a = address(rng, i);
      emit({ id: eid, schema, properties: { name: [a.full], full: [a.full], city: [a.city], country: [a.country] }, datasets });
    }
    if (isSanctioned) {
      sanctioned++;
      sanction(i, eid);
    }

    // Links this node brings: the far end is drawn with a skew, so early indices of each range become hubs.
    if (schema === "Person" && i >= ranges.hubs) {
      if (rng.chance(0.35)) link("Directorship", i, skewedIn(ranges.company), DIRECTORSHIP, { role: [rng.pick(DIRECTOR_ROLES)] });
      if (rng.chance(0.15)) link("Employment", i, skewedIn(ranges.company), EMPLOYMENT);
      if (rng.chance(pMinistry)) link("Employment", i, rng.int(3), EMPLOYMENT, { role: ["officer"] });
      if (rng.chance(0.1)) link("Membership", i, skewedIn(ranges.organization), MEMBERSHIP);
      if (rng.chance(0.2) && i - 1 - ranges.person[0] > 0) {
        const relative = i - 1 - rng.int(Math.min(20, i - ranges.person[0]));
        link("Family", i, relative, FAMILY, { relationship: [rng.pick(FAMILY_ROLES)] });
      }
      if (rng.chance(0.08)) link("Representation", i, skewedIn(ranges.company), REPRESENTATION, { role: ["Chief Representative"] });
      if (rng.chance(0.05))
        link("UnknownLink", i, skewedIn(rng.chance(0.5) ? ranges.person : ranges.company), UNKNOWN, { role: ["associate"] });
    } else if (schema === "Company" && i >= ranges.hubs) {
      const position = (i - ranges.company[0]) % 16;
      if (position >= 1 && position <= 4 && rng.chance(0.8)) link("Ownership", i - 1, i, OWNERSHIP, pct(51));
      else if (position === 0 && rng.chance(0.5)) link("Ownership", skewedIn(ranges.person), i, OWNERSHIP, pct(25));
      if (rng.chance(0.25)) link("Ownership", skewedIn(ranges.company), i, OWNERSHIP, pct(1));
      if (rng.chance(pBank)) link("UnknownLink", i, 3 + rng.int(2), UNKNOWN, { role: ["holds an account at"] });
      if (rng.chance(pAgent)) link("UnknownLink", i, 5, UNKNOWN, { role: ["registered address"] });
      else if (rng.chance(0.5)) link("UnknownLink", i, skewedIn(ranges.address), UNKNOWN, { role: ["registered address"] });
      if (rng.chance(0.05)) link("Membership", i, rng.int(3), MEMBERSHIP, { role: ["subordinate enterprise"] });
    } else if (schema === "Organization") {
      if (rng.chance(0.5)) link("Membership", i, rng.chance(0.3) ? rng.int(3) : skewedIn(ranges.publicBody), MEMBERSHIP);
    } else if (schema === "PublicBody" && i >= ranges.hubs) {
      if (rng.chance(0.6)) link("Membership", i, rng.int(3), MEMBERSHIP, { role: ["department"] });
    } else if (schema === "Vessel") {
      if (rng.chance(0.9)) link("Ownership", skewedIn(ranges.company), i, OWNERSHIP, { percentage: ["100"] });
      if (rng.chance(0.3)) link("UnknownLink", i, skewedIn(ranges.company), UNKNOWN, { role: ["operator"] });
    }

    if (buffer.length >= 2000) {
      await flush();
      if (progress && i - reported >= 50_000) {
        reported = i;
        progress(i + 1, lines);
      }
    }
  }
  await flush();
  progress?.(n, lines);

  return {
    generator: "bench/generator/network.ts v1",
    seed,
    entities: n,
    lines,
    relationships: relCount,
    sanctions: sanctionCount,
    sanctioned,
    schemata,
    edgeSchemata,
    ...targets(ranges, degree, edges, seed, id),
    searchSamples,
  };
}

/** Benchmark targets from the degrees and a breadth-first search over the links (undirected, as path queries with direction ANY). */
function targets(ranges: Ranges, degree: Int32Array, edges: EdgeStore, seed: number, id: (i: number) => string) {
  const n = ranges.n;
  const describe = (i: number) => ({ id: id(i), schema: ranges.schemaOf(i), degree: degree[i] });
  const superNodes = Array.from({ length: ranges.hubs }, (_, i) => ({ ...describe(i), name: HUBS[i].name })).sort(
    (a, b) => b.degree - a.degree,
  );

  // Adjacency in CSR form.
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, n);
  const adjacent = new Int32Array(offsets[n]);
  for (let e = 0; e < edges.size; e++) {
    adjacent[fill[edges.from[e]]++] = edges.to[e];
    adjacent[fill[edges.to[e]]++] = edges.from[e];
  }

  const pick = new Rng(seed ^ 0x5bd1e995);
  const normal: number[] = [];
  for (let tries = 0; normal.length < 20 && tries < 100_000; tries++) {
    const i = ranges.person[0] + pick.int(ranges.person[1] - ranges.person[0]);
    if (degree[i] >= 3 && degree[i] <= 8 && !normal.includes(i)) normal.push(i);
  }

  const distance = new Int8Array(n);
  const queue = new Int32Array(n);
  const pathPairs: Sidecar["pathPairs"] = [];
  const wanted = new Set([2, 3, 4, 5, 6]);
  // Sources: ordinary people (degree 3..8, tied into the network) first, so that pairs are typical rather than
  // easy; then people on the periphery (degree 1..2), which reach the longest distances when the core is small.
  const sources: number[] = [...normal];
  for (let tries = 0; sources.length < 60 && tries < 200_000; tries++) {
    const i = ranges.person[0] + pick.int(ranges.person[1] - ranges.person[0]);
    if (degree[i] >= 1 && degree[i] <= 2) sources.push(i);
  }
  for (const source of sources) {
    if (!wanted.size) break;
    distance.fill(-1);
    distance[source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    const found = new Map<number, number>();
    while (head < tail) {
      const v = queue[head++];
      const d = distance[v];
      if (d >= 6) break;
      for (let k = offsets[v]; k < offsets[v + 1]; k++) {
        const w = adjacent[k];
        if (distance[w] !== -1) continue;
        distance[w] = d + 1;
        queue[tail++] = w;
        // The target: the first ordinary node (not a super-node, degree 3..50) met at that distance.
        if (wanted.has(d + 1) && !found.has(d + 1) && w >= ranges.hubs && degree[w] >= 3 && degree[w] <= 50) found.set(d + 1, w);
      }
    }
    for (const [hops, target] of found) {
      if (!wanted.has(hops)) continue;
      wanted.delete(hops);
      pathPairs.push({ hops, from: id(source), to: id(target) });
    }
  }
  pathPairs.sort((a, b) => a.hops - b.hops);

  const sorted = Int32Array.from(degree).sort();
  const at = (q: number) => sorted[Math.min(n - 1, Math.floor(q * n))];
  return {
    superNodes,
    normalNodes: normal.slice(0, 10).map(describe),
    pathPairs,
    degree: { max: sorted[n - 1], p50: at(0.5), p99: at(0.99), p999: at(0.999) },
  };
}
