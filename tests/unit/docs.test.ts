/**
 * The docs a user reads stay complete and self-contained: every environment variable the code reads is documented
 * in docs/operations.md, and docs/ links only to files inside the repository, with no internal planning notes.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../server/paths.ts";

const read = (file: string) => readFileSync(join(projectRoot, file), "utf8");
const docs = readdirSync(join(projectRoot, "docs")).filter((f) => f.endsWith(".md"));

/** Files whose environment variables a user may set: the product, its CLIs, client build, tests' support, bench. */
function codeFiles(): string[] {
  const dirs = ["server", "client", "bench", "scripts", "tests/support", "tests/e2e/support"];
  return dirs.flatMap((dir) =>
    readdirSync(join(projectRoot, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(ts|mts|sh)$/.test(f) && !f.includes("node_modules"))
      .map((f) => join(dir, f)),
  );
}

describe("docs", () => {
  it("document every environment variable the code reads", () => {
    const variables = new Set<string>();
    for (const file of codeFiles()) {
      const text = read(file);
      // process.env.X, env.X (server/config.ts reads them from an `env` it is given) and env["X"].
      for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)|\benv\[["']([A-Z][A-Z0-9_]+)["']\]/g)) variables.add(m[1] ?? m[2]);
      if (file.endsWith(".sh")) for (const m of text.matchAll(/\$\{([A-Z][A-Z0-9_]+):-/g)) variables.add(m[1]);
    }
    expect(variables.size).toBeGreaterThan(10);
    const table = read("docs/operations.md");
    const missing = [...variables].filter((v) => v !== "CI" && !table.includes(`\`${v}\``));
    expect(missing).toEqual([]);
  });

  it("link only to files inside the repository", () => {
    for (const doc of docs) {
      const text = read(`docs/${doc}`);
      for (const [, target] of text.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)) {
        if (/^https?:/.test(target)) continue; // public web pages, not files
        const file = join(projectRoot, "docs", target);
        expect(relative(projectRoot, file).startsWith(".."), `${doc} links outside the repository: ${target}`).toBe(false);
        expect(existsSync(file), `${doc} links to a missing file: ${target}`).toBe(true);
      }
      expect(text, doc).not.toMatch(/shared\/notes|\/work\/|\.\.\/shared/);
      expect(text, doc).not.toMatch(/\bissue #?\d+|\(lead's|\(importer owner\)/i);
    }
  });
});
