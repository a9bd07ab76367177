/**
 * The deployment files, checked without a Docker engine: a multi-stage image on a supported Node LTS whose runtime
 * stage holds production dependencies only and runs node itself (so SIGTERM reaches the server), every package
 * the server imports is a production dependency, and no password is written on a command line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../server/paths.ts";

const read = (file: string) => readFileSync(join(projectRoot, file), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Every .ts file under a directory. */
function sources(dir: string): string[] {
  return readdirSync(join(projectRoot, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f));
}

/** The package a bare import specifier names (`@scope/name/sub` -> `@scope/name`). */
const packageOf = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

describe("deployment", () => {
  const dockerfile = read("Dockerfile");
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it("builds in two stages on Node 22 or 24 LTS and runs without dev dependencies", () => {
    expect(stages.length).toBe(2);
    for (const stage of stages) expect(stage).toMatch(/^node:(22|24)[-.\w]*/);
    const runtime = stages[1];
    expect(runtime).toMatch(/RUN npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist\/client/);
    expect(runtime).not.toMatch(/COPY \. /);
  });

  it("runs node itself as the entry process, not npm or npx", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(stages[1])?.[1];
    expect(JSON.parse(cmd ?? "[]")).toEqual(["node", "--import", "tsx", "server/main.ts"]);
  });

  it("asks for the Node version the runtime dependencies need", () => {
    expect(pkg.engines.node).toBe(">=22.15");
  });

  it("lists every package the server imports as a production dependency", () => {
    const imported = new Set<string>();
    for (const file of sources("server")) {
      for (const m of read(file).matchAll(/\bfrom\s+"([^"]+)"|\bimport\s*\(\s*"([^"]+)"\s*\)|^import\s+"([^"]+)"/gm)) {
        const specifier = m[1] ?? m[2] ?? m[3];
        if (specifier.startsWith(".") || specifier.startsWith("node:") || builtinModules.includes(specifier)) continue;
        imported.add(packageOf(specifier));
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    const missing = [...imported].filter((name) => !(name in pkg.dependencies));
    expect(missing).toEqual([]);
    expect(pkg.dependencies).toHaveProperty("tsx"); // the runtime stage runs the TypeScript sources with it
  });

  it("keeps passwords off command lines in docker compose", () => {
    const compose = read("docker-compose.yml");
    const commands = [...compose.matchAll(/^\s*test: (\[.*\])$/gm)].map((m) => m[1]);
    expect(commands.length).toBe(2);
    for (const command of commands) {
      expect(command).not.toMatch(/\s-p\s|--password|-u neo4j -p/);
    }
    expect(compose).toMatch(/NEO4J_PASSWORD=\\"\$\$\{NEO4J_AUTH#neo4j\/\}\\" cypher-shell/);
  });

  it("runs API replicas behind a proxy that alone sets the caller's address, over the one Neo4j", () => {
    const replicas = read("docker-compose.replicas.yml");
    const nginx = read("deploy/nginx.conf");
    expect(replicas).toMatch(/replicas: \$\{API_REPLICAS:-\d+\}/);
    expect(replicas).toMatch(/ports: !reset \[\]/); // only the proxy publishes a port
    expect(replicas).toMatch(/TRUST_PROXY: "1"/);
    expect(replicas).toContain("./deploy/nginx.conf:/etc/nginx/nginx.conf:ro");
    expect(replicas).not.toMatch(/neo4j:\s*\n\s*image/); // no second database
    // The API reads the first X-Forwarded-For entry: the proxy must replace the header, never append to it.
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(nginx).not.toContain("$proxy_add_x_forwarded_for");
    expect(nginx).toMatch(/server api:4000 resolve/);
    expect(nginx).toMatch(/proxy_buffering off;/); // live alerts (server-sent events) pass through at once
  });
});
