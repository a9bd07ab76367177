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
      "import/existing-schemata",
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
    const sanctionRows = queries[5].params.rows as { id: string; props: Record<string, unknown> }[];
    expect(sanctionRows.map((r) => r.props)).toEqual([{ authority: "A", ftm: '{"id":"sa1"}' }, { authority: "A" }]);
    expect(missingSanctions.map((m) => m.id)).toEqual(["sa2"]);
    expect(missingEnds.map((m) => m.id)).toEqual(["r2"]);
    expect(queries.every((q) => q.options.timeoutMs === 120_000)).toBe(true);
  });

  it("keeps a more specific schema already in the graph", async () => {
    const { graph, queries } = recordingGraph({ "import/existing-schemata": [{ id: "o1", schema: "PublicBody" }] });
    await new GraphWriter(graph).entities([{ id: "o1", schema: "Organization", properties: { name: ["Dept"] }, sourceIds: [] }]);
    const rows = queries.find((q) => q.name === "write/entities")?.params.rows as { schema: string }[];
    expect(rows.map((r) => r.schema)).toEqual(["PublicBody"]);
  });
});

describe("runImport", () => {
  it("refreshes the match keys of each batch's own entities only, never by a scan of the whole graph", async () => {
    const { graph, queries } = recordingGraph({
      "import/counts": [{ entities: 0, relationships: 0 }],
      "import/match-keys-of": [{ id: "p1", names: ["One"] }],
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
            yield { kind: "entity", record: { ...person, id: "p2" } };
            yield { kind: "entity", record: { ...person, id: "p3" } };
          },
        },
      ],
    };
    const summary = await runImport(graph, importer, { batchSize: 2, schemaReady: true });
    expect(summary.entities).toBe(3);
    const keys = queries.filter((q) => q.name.includes("match-keys"));
    expect(keys.map((q) => [q.name, q.params.ids ?? q.params.rows])).toEqual([
      ["import/match-keys-of", ["p1", "p2"]],
      ["write/match-keys", [expect.objectContaining({ id: "p1", names: ["One"], matchTokens: ["one"] })]],
      ["import/match-keys-of", ["p3"]],
      ["write/match-keys", [expect.objectContaining({ id: "p1" })]],
    ]);
  });
});
