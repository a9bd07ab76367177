import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql ships CJS (main) and ESM (module): Vite would give test files the ESM build while @graphql-tools loads the
  // CJS one, and graphql-js refuses a schema from the other build. One build for everything.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    include: ["tests/**/*.test.ts"],
    // One real Neo4j for the whole run (tests/support/global-setup.ts); test files share it, so they run one at a time.
    globalSetup: ["tests/support/global-setup.ts"],
    fileParallelism: false,
    // Ceilings that only stop a hung test, not budgets: every wait follows the thing awaited (an event, a log line,
    // a process exit, an element), so a busy machine makes a run slower, not red. Heavy imports run once per file
    // (beforeAll) and their tests share them.
    testTimeout: 600_000,
    hookTimeout: 1_200_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", "json"],
    outputFile: { json: ".data/test-results.json" },
  },
});
