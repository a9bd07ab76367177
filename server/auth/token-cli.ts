/**
 * `npm run token -- --role editor --sub alice [--expires 8h]`: mints a token for the local (HS256) setup and prints
 * it alone on the last line. The secret is read as the server reads it (AUTH_SECRET, AUTH_SECRET_FILE or
 * .data/auth-secret); if none is configured, a random one is created in .data/auth-secret (mode 600).
 * Exit codes: 0 printed, 2 usage or configuration error.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, readConfig } from "../config.ts";
import { AuthConfigError, authConfig, DEFAULT_SECRET_FILE } from "./config.ts";
import { mintToken } from "./mint.ts";
import { isRole, ROLES } from "./roles.ts";

const HELP = `Usage: npm run token -- --role ROLE --sub NAME [--expires DURATION]

Mints a bearer token for the API's local HS256 setup and prints it alone on the last line.
  --role ROLE          ${ROLES.join(", ")}
  --sub NAME           who the token stands for (recorded as the actor of every write)
  --expires DURATION   lifetime such as 30m, 8h, 30d (default 12h)
The secret comes from AUTH_SECRET or the file AUTH_SECRET_FILE names (never from the command line); without
either, .data/auth-secret is used, and created with a random secret if it does not exist.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main() {
  let values: { role?: string; sub?: string; expires?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { role: { type: "string" }, sub: { type: "string" }, expires: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(", ")}${values.role ? `, got "${values.role}"` : ""}.\n\n${HELP}`);
  if (!values.sub?.trim()) fail(`--sub is required.\n\n${HELP}`);
  const expires = values.expires ?? "12h";
  if (!/^\d+[smhdw]$/.test(expires)) fail(`--expires must look like 30m, 8h or 30d, got "${expires}".`);
  const settings = readConfig().auth;
  let config = authConfig(settings);
  if (!config.secret) {
    mkdirSync(dirname(DEFAULT_SECRET_FILE), { recursive: true });
    writeFileSync(DEFAULT_SECRET_FILE, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
    process.stderr.write(`Created a local secret in ${DEFAULT_SECRET_FILE}; the server reads it at start.\n`);
    config = authConfig(settings);
  }
  const token = await mintToken(config.secret as Uint8Array, {
    sub: values.sub.trim(),
    role: values.role,
    roleClaim: config.roleClaim,
    expiresIn: expires,
  });
  process.stdout.write(`Token for ${values.sub.trim()} (${values.role}), valid for ${expires}:\n${token}\n`);
}

main().catch((error) =>
  fail(error instanceof AuthConfigError || error instanceof ConfigError ? error.message : String((error as Error).message)),
);
