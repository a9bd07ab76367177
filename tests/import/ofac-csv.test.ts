import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { importFiles } from "../../server/import/index.ts";
import type { ImportSummary } from "../../server/import/types.ts";
import { testApi } from "../support/api.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { fingerprint, query, realData } from "./helpers.ts";

// The full 2024-05 SDN set with the 2025-12 companions (../shared/data/real/ofac/, see its README).
const files = [
  realData("ofac", "sdn_2024-05-03.csv"),
  realData("ofac", "alt_2025-12.csv"),
  realData("ofac", "add_2025-12.csv"),
  realData("ofac", "sdn_comments_2025-12.csv"),
];

const MENTIONS = /* GraphQL */ `
  query ($id: ID!) {
    entity(id: $id) {
      name
      mentions {
        id name status role datasets
        mentionedBy { id }
        candidates { id name }
        sources { publisher recordId excerpt }
      }
      candidateIn { name status mentionedBy { id name } }
    }
  }
`;

interface MentionData {
  id: string;
  name: string;
  status: string;
  role: string;
  datasets: string[];
  mentionedBy: { id: string };
  candidates: { id: string; name: string }[];
  sources: { publisher: string; recordId: string; excerpt: string }[];
}
interface EntityData {
  entity: {
    name: string;
    mentions: MentionData[];
    candidateIn: { name: string; status: string; mentionedBy: { id: string; name: string } }[];
  };
}

describe("OFAC SDN CSV import (full 2024 set)", () => {
  let graph: Graph;
  let summary: ImportSummary;

  beforeAll(async () => {
    graph = testGraph();
    await resetDatabase(graph, { seed: false });
    summary = await importFiles(graph, "ofac-csv", files);
  });
  afterAll(() => graph.close());

  it("imports every record with its programs as sanctions and reports links", () => {
    expect(summary.entities).toBe(14965);
    expect(summary.created.entities).toBe(14965);
    // 6,375 Linked To clauses in sdn.csv: 6,365 unique names + 1 resolved by program, 1 ambiguous, 8 on no record;
    // plus 5 in remarks continued from sdn_comments.csv.
    expect(summary.relationships).toBe(6366 + 5);
    expect(summary.ambiguous).toBe(1);
    expect(summary.unresolved).toBe(8);
    expect(summary.sanctions).toBeGreaterThan(14965);
  });

  it("maps types to schemata", async () => {
    const rows = await query<{ schema: string; n: number }>(
      graph,
      "MATCH (e:Entity) RETURN e.schema AS schema, count(*) AS n ORDER BY schema",
    );
    expect(Object.fromEntries(rows.map((r) => [r.schema, Number(r.n)]))).toEqual({
      Airplane: 376,
      Organization: 6884,
      Person: 6854,
      Vessel: 851,
    });
  });

  it("parses a person's remarks: DOB, nationality, passport, program", async () => {
    const [e] = await query<{ e: Record<string, unknown>; programs: string[] }>(
      graph,
      "MATCH (e:Entity {id: 'ofac-17616'})-[:HAS_SANCTION]->(s:Sanction) RETURN e {.*} AS e, collect(s.program) AS programs",
    );
    expect(e.e.name).toBe("RYU, Jin");
    expect(e.e.schema).toBe("Person");
    expect(e.e.birthDate).toEqual(["1965-08-07"]);
    expect(e.e.nationality).toEqual(["kp"]);
    expect(e.e.passportNumber).toEqual(["563410081"]);
    expect(e.e.position).toEqual(["KOMID official in Syria"]);
    expect(e.programs).toEqual(["DPRK2"]);
  });

  it("keeps several programs as several sanctions, aliases from remarks and alt.csv, addresses from add.csv", async () => {
    const [komid] = await query<{ e: Record<string, string[]>; programs: string[] }>(
      graph,
      "MATCH (e:Entity {id: 'ofac-9345'})-[:HAS_SANCTION]->(s:Sanction) RETURN e {.*} AS e, collect(s.program) AS programs",
    );
    expect(komid.programs.sort()).toEqual(["DPRK2", "NPWMD"]);
    expect(komid.e.alias).toContain("KOMID"); // remarks a.k.a.
    expect(komid.e.alias).toContain("CHANGGWANG SINYONG CORPORATION"); // alt.csv
    expect(komid.e.address).toContain("Central District, Pyongyang, Korea, North"); // add.csv
    expect(komid.e.country).toContain("kp");
    expect(komid.e.sourceIds).toEqual(["ofac-sdn-9345", "ofac-alt-9345", "ofac-add-9345"]);
  });

  it("records provenance: a Source per OFAC record with the file date and the row as excerpt", async () => {
    const [s] = await query<{ s: Record<string, string> }>(graph, "MATCH (s:Source {id: 'ofac-sdn-9345'}) RETURN s {.*} AS s");
    expect(s.s.date).toBe("2024-05-03");
    expect(s.s.recordId).toBe("9345");
    expect(s.s.excerpt).toMatch(/^9345,"KOREA MINING DEVELOPMENT TRADING CORPORATION"/);
  });

  it("resolves Linked To by exact primary name", async () => {
    // LINKED_TO is undirected: a record and the one it names that names it back state one fact, one relationship.
    const rows = await query<{ target: string; role: string }>(
      graph,
      "MATCH (:Entity {id: 'ofac-15431'})-[r:LINKED_TO]-(t:Entity) RETURN t.name AS target, r.role AS role",
    );
    expect(rows).toEqual([{ target: "POUYA AIR", role: "Linked To" }]);
  });

  it("resolves a name on two records by program context when only one shares a program", async () => {
    const rows = await query<{ target: string; by: string[] }>(
      graph,
      "MATCH (:Entity {id: 'ofac-20130'})-[r:LINKED_TO]-(t:Entity) RETURN t.id AS target, r.resolvedBy AS by",
    );
    expect(rows).toEqual([{ target: "ofac-20129", by: ["name and program"] }]);
  });

  it("records an ambiguous name as a Mention with both candidates, not as a relationship", async () => {
    const rows = await query<{ status: string; candidates: string[]; linked: string[]; links: number }>(
      graph,
      `MATCH (e:Entity {id: 'ofac-25436'})-[:MENTIONS]->(m:Mention {name: 'MINISTRY OF STATE SECURITY'})-[:CANDIDATE]->(c:Entity)
       RETURN m.status AS status, m.candidates AS candidates, collect(c.id) AS linked, COUNT { (e)-[:LINKED_TO]-() } AS links`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe("ambiguous");
    expect([...rows[0].candidates].sort()).toEqual(["ofac-20129", "ofac-25437"]);
    expect([...rows[0].linked].sort()).toEqual(["ofac-20129", "ofac-25437"]);
    expect(Number(rows[0].links)).toBe(0);
  });

  it("records a target on no record as unresolved and never creates it as an Entity", async () => {
    const mentions = await query<{ from: string; status: string }>(
      graph,
      "MATCH (e:Entity)-[:MENTIONS]->(m:Mention {name: 'PRESIDENCY OF DEFENSE INDUSTRIES'}) RETURN e.id AS from, m.status AS status ORDER BY from",
    );
    expect(mentions.map((m) => m.from)).toEqual(["ofac-27018", "ofac-30685", "ofac-30686", "ofac-30687"]);
    expect(new Set(mentions.map((m) => m.status))).toEqual(new Set(["unresolved"]));
    const invented = await query(graph, "MATCH (e:Entity) WHERE 'PRESIDENCY OF DEFENSE INDUSTRIES' IN e.names RETURN e");
    expect(invented).toEqual([]);
    const mentionEntities = await query(graph, "MATCH (m:Mention:Entity) RETURN m");
    expect(mentionEntities).toEqual([]);
  });

  it("a second import changes nothing", async () => {
    const before = await fingerprint(graph);
    const again = await importFiles(graph, "ofac-csv", files);
    expect(again.created).toEqual({ entities: 0, relationships: 0 });
    expect(await fingerprint(graph)).toEqual(before);
  });

  // The API over the same import (shared, as the import is the expensive part): mentions are visible, not only stored.
  describe("unresolved and ambiguous mentions in the API", () => {
    const entity = async (id: string) => {
      const response = await testApi(graph).query<EntityData>(MENTIONS, { id });
      expect(response.errors).toBeUndefined();
      return response.data?.entity as EntityData["entity"];
    };

    it("shows the ambiguous MINISTRY OF STATE SECURITY link with both candidates and its source", async () => {
      const basov = await entity("ofac-25436");
      expect(basov.mentions).toHaveLength(1);
      const [mention] = basov.mentions;
      expect(mention).toMatchObject({
        id: "ofac-25436:linked-to:MINISTRY OF STATE SECURITY",
        name: "MINISTRY OF STATE SECURITY",
        status: "AMBIGUOUS",
        role: "Linked To",
        datasets: ["us_ofac_sdn"],
        mentionedBy: { id: "ofac-25436" },
      });
      expect(mention.candidates.map((c) => c.id).sort()).toEqual(["ofac-20129", "ofac-25437"]);
      expect(mention.candidates.every((c) => c.name === "MINISTRY OF STATE SECURITY")).toBe(true);
      expect(mention.sources).toHaveLength(1);
      expect(mention.sources[0].recordId).toBe("25436");
      expect(mention.sources[0].excerpt).toContain("Linked To: MINISTRY OF STATE SECURITY");
    });

    it("shows each candidate the mentions that may mean it", async () => {
      for (const id of ["ofac-20129", "ofac-25437"]) {
        const candidate = await entity(id);
        expect(candidate.candidateIn).toEqual([
          {
            name: "MINISTRY OF STATE SECURITY",
            status: "AMBIGUOUS",
            mentionedBy: { id: "ofac-25436", name: expect.stringContaining("BASOV") },
          },
        ]);
      }
    });

    it("shows the unresolved names, with no candidates, on every record that names them", async () => {
      for (const id of ["ofac-27018", "ofac-30685", "ofac-30686", "ofac-30687"]) {
        const { mentions } = await entity(id);
        const presidency = mentions.find((m) => m.name === "PRESIDENCY OF DEFENSE INDUSTRIES");
        expect(presidency).toMatchObject({ status: "UNRESOLVED", candidates: [], mentionedBy: { id } });
        expect(presidency?.sources[0].recordId).toBe(id.replace("ofac-", ""));
      }
    });

    it("accounts for all 9 mentions of the import: 1 ambiguous, 8 unresolved", async () => {
      const session = graph.driver.session({ database: graph.database });
      const ids = (await session.run("MATCH (e:Entity)-[:MENTIONS]->(:Mention) RETURN DISTINCT e.id AS id")).records.map((r) =>
        r.get("id"),
      );
      await session.close();
      const statuses: string[] = [];
      for (const id of ids) statuses.push(...(await entity(id)).mentions.map((m) => m.status));
      expect(statuses.sort()).toEqual(["AMBIGUOUS", ...Array(8).fill("UNRESOLVED")]);
    });

    it("gives empty lists for an entity without mentions", async () => {
      const ryu = await entity("ofac-17616");
      expect(ryu.mentions).toEqual([]);
      expect(ryu.candidateIn).toEqual([]);
    });
  });
});
