/**
 * `npm run token -- --role editor --sub alice [--expires 8h]`: mints a token for the local (HS256) setup and prints
 * it alone on the last line. The secret is read as the server reads it (AUTH_SECRET, AUTH_SECRET_FILE or
 * .data/auth-secret); if none is configured, a random one is created in .data/auth-secret (mode 600).
 * Exit codes: server/cli.ts (EXIT): 0 printed, 2 usage or configuration error.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { configOrExit, parseCommandLine, runCli } from "../cli.ts";
import { authConfig, DEFAULT_SECRET_FILE } from "./config.ts";
import { mintToken } from "./mint.ts";
import { isRole, ROLES } from "./roles.ts";

const HELP = `Usage: npm run token -- --role ROLE --sub NAME [--expires DURATION]

Mints a bearer token for the API's local HS256 setup and prints it alone on the last line.
  --role ROLE          ${ROLES.join(", ")}
  --sub NAME           who the token stands for (recorded as the actor of every write)
  --expires DURATION   lifetime such as 30m, 8h, 30d (default 12h)
The secret comes from AUTH_SECRET or the file AUTH_SECRET_FILE names (never from the command line); without
either, .data/auth-secret is used, and created with a random secret if it does not exist.`;

runCli(async () => {
  const { values, usage } = parseCommandLine(HELP, { role: { type: "string" }, sub: { type: "string" }, expires: { type: "string" } });
  const { role } = values;
  if (!isRole(role)) return usage(`--role must be one of ${ROLES.join(", ")}${role ? `, got "${role}"` : ""}.`);
  const sub = values.sub?.trim();
  if (!sub) return usage("--sub is required.");
  const expires = values.expires ?? "12h";
  if (!/^\d+[smhdw]$/.test(expires)) return usage(`--expires must look like 30m, 8h or 30d, got "${expires}".`);
  const settings = configOrExit().auth;
  let config = authConfig(settings);
  if (!config.secret) {
    mkdirSync(dirname(DEFAULT_SECRET_FILE), { recursive: true });
    writeFileSync(DEFAULT_SECRET_FILE, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
    process.stderr.write(`Created a local secret in ${DEFAULT_SECRET_FILE}; the server reads it at start.\n`);
    config = authConfig(settings);
  }
  const token = await mintToken(config.secret as Uint8Array, { sub, role, roleClaim: config.roleClaim, expiresIn: expires });
  process.stdout.write(`Token for ${sub} (${role}), valid for ${expires}:\n${token}\n`);
}, "Minting a token");
