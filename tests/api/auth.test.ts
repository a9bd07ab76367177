import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthConfig, AuthConfigError, authConfig } from "../../server/auth/config.ts";
import { createVerifier } from "../../server/auth/verify.ts";
import { readConfig } from "../../server/config.ts";
import { projectRoot } from "../../server/paths.ts";
import { errorCode, testApi } from "../support/api.ts";
import { expiredToken, PRESS_SOURCE, TEST_AUTH, tokenFor, WRITE_DEADLINE_MS, wronglySignedToken } from "../support/auth.ts";
import { resetDatabase, testGraph } from "../support/graph.ts";

const graph = testGraph();
const api = testApi(graph, { auth: TEST_AUTH, deadlineMs: WRITE_DEADLINE_MS });
const privateApi = testApi(graph, { auth: { ...TEST_AUTH, publicReads: false } });
beforeAll(() => resetDatabase(graph));
afterAll(() => graph.close());

const CREATE = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { replayed entity { id name analyst datasets } event { actor operation } } }`;
let n = 0;
/** The auth settings as the server reads them from an environment. */
const authFromEnv = (env: NodeJS.ProcessEnv) => authConfig(readConfig(env).auth);
const input = () => ({
  clientId: `auth-test-${++n}`,
  schema: "Company",
  properties: [{ name: "name", values: [`Auth Test Co ${n}`] }],
  sources: [PRESS_SOURCE],
});

describe("writes need a valid token with the editor role", () => {
  it("no token: UNAUTHENTICATED", async () => {
    const res = await api.query(CREATE, { input: input() });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
    expect(res.errors?.[0].message).toMatch(/Bearer/);
  });

  it("a viewer token: FORBIDDEN", async () => {
    const res = await api.query(CREATE, { input: input() }, { token: await tokenFor("viewer") });
    expect(errorCode(res)).toBe("FORBIDDEN");
  });

  it("an expired token: UNAUTHENTICATED, saying it expired", async () => {
    const res = await api.query(CREATE, { input: input() }, { token: await expiredToken() });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
    expect(res.errors?.[0].message).toMatch(/expired/);
  });

  it("a wrongly signed token: UNAUTHENTICATED", async () => {
    const res = await api.query(CREATE, { input: input() }, { token: await wronglySignedToken() });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
    expect(res.errors?.[0].message).toMatch(/signature/);
  });

  it("a malformed header or token: UNAUTHENTICATED", async () => {
    const res = await api.query(CREATE, { input: input() }, { token: "not.a.jwt" });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
  });

  it("an editor token: the write succeeds, recorded with the token's subject", async () => {
    const res = await api.query(CREATE, { input: input() }, { token: await tokenFor("editor", "alice") });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createEntity.event).toEqual({ actor: "alice", operation: "CREATE_ENTITY" });
    expect(res.data!.createEntity.entity).toMatchObject({ analyst: true, datasets: ["analyst"] });
  });

  it("an admin token may write too", async () => {
    const res = await api.query(CREATE, { input: input() }, { token: await tokenFor("admin") });
    expect(res.errors).toBeUndefined();
  });

  it("without a configured secret or JWKS, even a well-signed token is refused", async () => {
    const unconfigured = testApi(graph);
    const res = await unconfigured.query(CREATE, { input: input() }, { token: await tokenFor("editor") });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
  });
});

describe("reads", () => {
  it("are public by default", async () => {
    const res = await api.query(`{ entity(id: "ofac-52289") { name } }`);
    expect(res.data!.entity.name).toBe("JONG, In Chol");
  });

  it("need a token when AUTH_PUBLIC_READS=false", async () => {
    expect(errorCode(await privateApi.query(`{ entity(id: "ofac-52289") { name } }`))).toBe("UNAUTHENTICATED");
    const res = await privateApi.query(`{ entity(id: "ofac-52289") { name } }`, {}, { token: await tokenFor("viewer") });
    expect(res.data!.entity.name).toBe("JONG, In Chol");
  });
});

describe("configuration", () => {
  it("reads the secret from AUTH_SECRET or a file, never shorter than 32 bytes", () => {
    expect(authFromEnv({ AUTH_SECRET: "x".repeat(40) }).secret?.length).toBe(40);
    expect(() => authFromEnv({ AUTH_SECRET: "short" })).toThrow(AuthConfigError);
    expect(() => authFromEnv({ AUTH_SECRET_FILE: "/nonexistent/secret" })).toThrow(/does not exist/);
    expect(() => authFromEnv({ AUTH_SECRET: "x".repeat(40), AUTH_PUBLIC_READS: "maybe" })).toThrow(/AUTH_PUBLIC_READS/);
  });

  it("takes the role from a configurable (nested) claim, the strongest of a list", async () => {
    const { SignJWT } = await import("jose");
    const config: AuthConfig = { ...TEST_AUTH, roleClaim: "realm_access.roles" };
    const token = await new SignJWT({ realm_access: { roles: ["offline_access", "viewer", "editor"] } })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("kc-user")
      .setExpirationTime("5m")
      .sign(TEST_AUTH.secret as Uint8Array);
    expect(await createVerifier(config)(token)).toEqual({ sub: "kc-user", role: "editor" });
    await expect(createVerifier(TEST_AUTH)(token)).rejects.toThrow(/names no role/);
  });
});

describe("npm run token", () => {
  const tsx = join(projectRoot, "node_modules", ".bin", "tsx");
  const cli = join(projectRoot, "server", "auth", "token-cli.ts");
  const env = { ...process.env, AUTH_SECRET: new TextDecoder().decode(TEST_AUTH.secret) };

  it("prints a token alone on its last line that the API accepts with the asked role and subject", async () => {
    const out = execFileSync(tsx, [cli, "--role", "editor", "--sub", "alice", "--expires", "5m"], { env, encoding: "utf8" });
    const token = out.trim().split("\n").at(-1) as string;
    expect(token.split(".")).toHaveLength(3);
    expect(await createVerifier(TEST_AUTH)(token)).toEqual({ sub: "alice", role: "editor" });
  });

  it("exits 2 with usage on a bad role or a missing subject", () => {
    const bad = spawnSync(tsx, [cli, "--role", "boss", "--sub", "x"], { env, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--role must be one of viewer, editor, admin/);
    expect(spawnSync(tsx, [cli, "--role", "viewer"], { env, encoding: "utf8" }).status).toBe(2);
  });
});
