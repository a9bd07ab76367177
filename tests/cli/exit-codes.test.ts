import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../server/cli.ts";
import { freePort } from "../../server/neo4j/launcher.ts";
import { projectRoot } from "../../server/paths.ts";

// Issue 8.13: every CLI exits with the code its --help promises (the codes come from server/cli.ts). No database
// is needed: "database down" is a port nothing listens on.
const CLIS = {
  import: "server/import/cli.ts",
  export: "server/export/cli.ts",
  seed: "server/seed-cli.ts",
  neo4j: "server/neo4j/cli.ts",
};

function run(cli: keyof typeof CLIS, args: string[], env: Record<string, string | undefined> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, CLIS[cli]), ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: undefined, DEBUG: undefined, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("CLI exit codes match their help", () => {
  it("--help lists the exit codes and exits 0, for every CLI", async () => {
    for (const cli of Object.keys(CLIS) as (keyof typeof CLIS)[]) {
      const result = await run(cli, ["--help"]);
      expect(result.code, cli).toBe(EXIT.ok);
      expect(result.stdout, cli).toMatch(
        /Exit codes: 0 done, 1 bad input .* 2 usage or no database\s+configured, 3 database unreachable, 4/s,
      );
    }
  });

  it("usage errors exit 2: an unknown option or command, no NEO4J_URI", async () => {
    const cases: [keyof typeof CLIS, string[]][] = [
      ["import", ["--nonsense"]],
      ["import", ["no-such-format", "x.csv"]],
      ["import", ["ofac-csv", "sdn.csv"]],
      ["export", ["csv"]],
      ["export", ["ftm"]],
      ["seed", ["--nonsense"]],
      ["seed", []],
      ["neo4j", ["restart"]],
    ];
    for (const [cli, args] of cases) {
      const result = await run(cli, args);
      expect(result.code, `${cli} ${args.join(" ")}: ${result.stderr}`).toBe(EXIT.usage);
      expect(result.stderr.trim(), `${cli} ${args.join(" ")}`).not.toBe("");
    }
  });

  it("a database that is down exits 3, for the import, the link step, the export and the seed", async () => {
    const down = { NEO4J_URI: `bolt://127.0.0.1:${await freePort()}` };
    const sdn = join(projectRoot, "tests", "fixtures", "ofac-advanced", "sdn_advanced_small.xml");
    const cases: [keyof typeof CLIS, string[]][] = [
      ["import", ["ofac-xml", sdn]],
      ["import", ["link"]],
      ["export", ["ftm"]],
      ["seed", []],
    ];
    for (const [cli, args] of cases) {
      const result = await run(cli, args, down);
      expect(result.code, `${cli} ${args.join(" ")}: ${result.stderr}`).toBe(EXIT.databaseUnavailable);
      expect(result.stderr).toMatch(/not reachable/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("a bad value in the environment is a usage error naming the variable", async () => {
    const result = await run("neo4j", ["start"], { NEO4J_PAGECACHE: "lots" });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain("NEO4J_PAGECACHE");
  });
});
