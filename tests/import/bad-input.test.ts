import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Graph } from "../../server/db/graph.ts";
import { ImportInputError, importFiles } from "../../server/import/index.ts";
import { FTM_VERSION } from "../../server/model/ftm.ts";
import { projectRoot } from "../../server/paths.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";
import { fingerprint, fixture, realData, tempFile } from "./helpers.ts";

const excerpt = realData("ofac", "sdn_2026_excerpt_dprk.csv");

/** The excerpt's first three rows (verbatim) and then a row with 3 of 12 columns: line 4 is bad. */
function malformedCsv(): string {
  const rows = readFileSync(excerpt, "utf8").split("\n").slice(0, 3);
  return tempFile("sdn.csv", `${rows.join("\n")}\n52999,"BROKEN ROW","DPRK3"\n`);
}

/** Runs the import CLI to its end (no time budget: the test's own timeout is the only ceiling). */
async function cli(args: string[], env: Record<string, string | undefined>) {
  const run = promisify(execFile);
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", join(projectRoot, "server", "import", "cli.ts"), ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("bad input: a clear error naming file and line, and the graph left as it was", () => {
  let graph: Graph;
  let before: Record<string, number>;

  beforeAll(async () => {
    graph = testGraph();
    await resetDatabase(graph, { seed: true });
    before = await fingerprint(graph);
  });
  afterAll(() => graph.close());

  it("a malformed CSV row", async () => {
    const file = malformedCsv();
    const error = await importFiles(graph, "ofac-csv", [file]).catch((e) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect(error.message).toBe(`${file}, line 4: expected 12 columns of an OFAC sdn.csv row, found 3`);
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("a wrong format (UN XML given as OFAC CSV)", async () => {
    const error = await importFiles(graph, "ofac-csv", [realData("un", "UN_consolidated_2026-02-27.xml")]).catch((e) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect(error.message).toMatch(/UN_consolidated_2026-02-27\.xml, line \d+: .*is this an OFAC sdn\.csv file\?/);
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("a truncated UN XML file", async () => {
    const file = tempFile("UN_consolidated.xml", readFileSync(realData("un", "UN_consolidated_2026-02-27.xml"), "utf8").slice(0, 200_000));
    const error = await importFiles(graph, "un-xml", [file]).catch((e) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, line \\d+: .*truncated`));
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("an unknown FtM schema", async () => {
    const file = fixture("bad", "unknown_schema.ftm.json");
    const error = await importFiles(graph, "ftm", [file]).catch((e) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect(error.message).toBe(
      `${file}, line 2: entity x-2: unknown FtM schema "Spaceship" (not a concrete schema of followthemoney ${FTM_VERSION})`,
    );
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("a truncated FtM file (last line cut)", async () => {
    const text = readFileSync(realData("opensanctions-ftm", "eu_fsf_sample_entities.ftm.json"), "utf8");
    const file = tempFile("cut.ftm.json", text.slice(0, text.length - 200));
    const error = await importFiles(graph, "ftm", [file]).catch((e) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect(error.message).toMatch(/cut\.ftm\.json, line 7: not a JSON object/);
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("the CLI: exit code 1, the file and line, no stack trace", async () => {
    const file = malformedCsv();
    const result = await cli(["ofac-csv", file], { NEO4J_URI: inject("neo4jUri"), NEO4J_PASSWORD: "unused" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}, line 4: expected 12 columns`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("the CLI without NEO4J_URI: says a running Neo4j is needed, exit code 2", async () => {
    const result = await cli(["ofac-csv", excerpt], { NEO4J_URI: undefined });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("NEO4J_URI is not set");
    expect(result.stderr).toContain("npm start");
  });

  it("the CLI --help lists the formats", async () => {
    const result = await cli(["--help"], {});
    expect(result.code).toBe(0);
    for (const format of ["ofac-csv", "ofac-xml", "un-xml", "ftm", "link"]) expect(result.stdout).toContain(format);
  });

  it("nothing of the failed imports reached the graph", async () => {
    expect(await fingerprint(graph)).toEqual(before);
  });
});
