import { describe, expect, it } from "vitest";
import { GraphWriter } from "../../server/db/writer.ts";
import { runImport } from "../../server/import/pipeline.ts";
import type { Importer } from "../../server/import/types.ts";
import { recordingGraph } from "../support/recording-graph.ts";

// Which Cypher file each of the seven import write kinds runs, without a database: GraphWriter is the only place
// an import writes (server/db/queries/imports.ts), so a batch's writes show up here in one order.
const person = { id: "p1", schema: "Person", properties: { name: ["One"] }, sourceIds: ["s1"] };

describe("GraphWriter", () => {
  it("writes every kind through its query file, in batch order, and nothing for an empty list", async () => {
    const { graph, queries } = recordingGraph({
      "import/existing-schemata": [{ id: "p1", schema: "Person" }],
      "write/relationships": [{ id: "r2", source: "p1", target: "gone", sourceMissing: false, targetMissing: true }],
    });
    const writer = new GraphWriter(graph);
    await writer.sources([{ id: "s1", publisher: "P", title: "T", url: undefined }]);
    await writer.entities([person]);
    await writer.identifications([
      {
        id: "i1",
        schema: "Passport",
        holderIds: ["p1"],
        properties: { number: ["X1"] },
        sourceIds: ["s1"],
        datasets: [],
        referents: [],
        seen: {},
      },
    ]);
    const missingSanctions = await writer.sanctions([
      { record: { id: "sa1", entityId: "p1", authority: "A", sourceIds: ["s1"] }, ftm: '{"id":"sa1"}' },
      { record: { id: "sa2", entityId: "gone", authority: "A", sourceIds: ["s1"] } },
    ]);
    const missingEnds = await writer.relationships([{ id: "r2", type: "LINKED_TO", source: "p1", target: "gone", sourceIds: ["s1"] }]);
    await writer.mentions([
      {
        id: "m1",
        entityId: "p1",
        name: "X",
        status: "unresolved",
        role: "Linked To",
        candidates: [],
        sourceIds: ["s1"],
        datasets: [],
      },
    ]);
    await writer.others([{ id: "o1", schema: "Risk", refs: ["p1"], ftm: "{}", sourceIds: ["s1"], datasets: [] }]);
    await writer.others([]);

    expect(queries.map((q) => q.name)).toEqual([
      "write/sources",
      "write/entities",
      "import/identifications",
      "import/existing-schemata",
      "write/sanctions",
      "write/relationships",
      "import/mentions",
      "import/others",
    ]);
    // Undefined fields are not sent; a sanction read from an FtM file keeps its JSON; the one without its entity comes back.
    expect(queries[0].params.rows).toEqual([{ id: "s1", publisher: "P", title: "T" }]);
    const sanctionRows = queries.find((q) => q.name === "write/sanctions")?.params.rows as { id: string; props: Record<string, unknown> }[];
    expect(sanctionRows.map((r) => r.props)).toEqual([{ authority: "A", ftm: '{"id":"sa1"}' }, { authority: "A" }]);
    expect(missingSanctions.map((m) => m.id)).toEqual(["sa2"]);
    expect(missingEnds.map((m) => m.id)).toEqual(["r2"]);
    expect(queries.every((q) => q.options.timeoutMs === 120_000)).toBe(true);
  });

  it("tells the entity write which schemata are more specific than a row's, to keep one already in the graph", async () => {
    const { graph, queries } = recordingGraph();
    await new GraphWriter(graph).entities([{ id: "o1", schema: "Organization", properties: { name: ["Dept"] }, sourceIds: [] }]);
    const rows = queries.find((q) => q.name === "write/entities")?.params.rows as { schema: string; narrower: string[] }[];
    expect(rows[0].schema).toBe("Organization");
    expect(rows[0].narrower).toContain("PublicBody");
    expect(rows[0].narrower).not.toContain("Organization");
    expect(rows[0].narrower).not.toContain("Person");
  });
});

describe("runImport", () => {
  it("writes each batch's match keys with its entities; only the entities the write returns are looked up again", async () => {
    const { graph, queries } = recordingGraph({
      "import/counts": [{ entities: 0, relationships: 0 }],
      // The write says p1's names came out otherwise than its row's (it had others): its keys come from the graph.
      "write/entities": [{ id: "p1" }],
      "import/match-keys-of": [{ id: "p1", names: ["One", "Uno"] }],
    });
    const importer: Importer = {
      format: "test",
      files: [],
      check: async () => {},
      phases: () => [
        {
          name: "records",
          async *items() {
            yield { kind: "entity", record: person };
            yield { kind: "entity", record: { ...person, id: "p2", properties: { name: ["Two"], alias: ["Deux"] } } };
          },
        },
      ],
    };
    const summary = await runImport(graph, importer, { batchSize: 2, schemaReady: true });
    expect(summary.entities).toBe(2);
    const write = queries.find((q) => q.name === "write/entities");
    const rows = write?.params.rows as { id: string; matchKeys: { names: string[]; matchTokens: string[] } }[];
    expect(rows.map((r) => [r.id, r.matchKeys.names, r.matchKeys.matchTokens])).toEqual([
      ["p1", ["One"], ["one"]],
      ["p2", ["Two", "Deux"], ["two", "deux"]],
    ]);
    const keys = queries.filter((q) => q.name.includes("match-keys"));
    expect(keys.map((q) => [q.name, q.params.ids ?? q.params.rows])).toEqual([
      ["import/match-keys-of", ["p1"]],
      ["write/match-keys", [expect.objectContaining({ id: "p1", names: ["One", "Uno"], matchTokens: ["one", "uno"] })]],
    ]);
  });
});
