import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { tempFile } from "../import/helpers.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

const run = promisify(execFile);
const graph = testGraph();
beforeAll(() => resetDatabase(graph));
afterAll(() => graph.close());

async function screen(args: string[]) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "server/matching/screen-cli.ts", ...args], {
      env: { ...process.env, NEO4J_URI: inject("neo4jUri"), NEO4J_USER: "neo4j", NEO4J_PASSWORD: "unused" },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run screen", () => {
  it("screens a 1,000-line CSV to CSV with a summary, and to JSON lines", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      i % 100 === 0 ? '"SON, Kyong Sik",Person,,kp,' : `Nobody Listed${i},Person,1970,,`,
    );
    const file = tempFile("names.csv", `name,schema,birthDate,country,identifiers\n${rows.join("\n")}\n`);
    const result = await screen([file, "--first", "1"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("line,name,rank,score,match,entityId,entityName,matchedName,schema,datasets,features");
    expect(lines).toHaveLength(1001);
    expect(lines[1]).toMatch(/^2,"SON, Kyong Sik",1,1,true,ofac-52286,/);
    expect(result.stderr).toMatch(/Screened 1000 rows in [\d.]+ s: 10 with a match \(score >= 0.9\), 990 without/);
    const json = await screen([tempFile("one.csv", "name,birthDate\nSon Kyong-sik,1990\n"), "--format", "jsonl"]);
    expect(json.code).toBe(0);
    const [row] = json.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(row.candidates[0].id).toBe("ofac-52286");
    expect(row.candidates[0].features[0]).toMatchObject({ name: "name" });
  }, 600_000);

  it("rejects malformed CSV, bad dates and empty names with the line, exit code 1, screening nothing", async () => {
    const quote = await screen([tempFile("bad.csv", 'name,birthDate\n"Kim,1962\n')]);
    expect(quote.code).toBe(1);
    expect(quote.stderr).toMatch(/malformed CSV/);
    const date = await screen([tempFile("bad.csv", "name,birthDate\nKim,1962\nKim Yong Chol,1962-99\n")]);
    expect(date.code).toBe(1);
    expect(date.stderr).toMatch(/line 3, birthDate: .*"1962-99"/);
    expect(date.stdout).toBe("");
    const empty = await screen([tempFile("bad.csv", 'name\n" "\n')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/line 2, name/);
    const column = await screen([tempFile("bad.csv", "nom\nKim\n")]);
    expect(column.code).toBe(1);
    expect(column.stderr).toMatch(/no "name" column/);
  }, 300_000);
});
