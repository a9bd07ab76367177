import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Config, ConfigError } from "../config.ts";
import { projectRoot } from "../paths.ts";

/**
 * How the API verifies bearer tokens. Either or both of: a local HS256 secret (single-machine setup; `npm run token`
 * mints tokens with it) and an OIDC issuer's JWKS URL (production). With neither, no token verifies and every
 * write is refused.
 */
export interface AuthConfig {
  /** HS256 secret (at least 32 bytes). */
  secret?: Uint8Array;
  /** OIDC: the issuer's JWKS URL, its `iss` and the expected `aud`. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Claim holding the role(s); a dotted path reaches into objects (`realm_access.roles`). */
  roleClaim: string;
  /** Whether queries need no token (writes always do). */
  publicReads: boolean;
}

/** Where the local secret lives unless AUTH_SECRET_FILE says otherwise (.data/ is git-ignored). */
export const DEFAULT_SECRET_FILE = join(projectRoot, ".data", "auth-secret");
export const MIN_SECRET_BYTES = 32;

/** A setting that cannot be used (CLIs exit 2 on it, as on any ConfigError). */
export class AuthConfigError extends ConfigError {}

/**
 * The auth settings of the configuration (server/config.ts), with the secret read. It comes from AUTH_SECRET (an env
 * file) or from the file AUTH_SECRET_FILE names (a Docker secret such as /run/secrets/auth_secret), else from
 * .data/auth-secret if `npm run token` created it: never from a command line.
 */
export function authConfig(settings: Config["auth"]): AuthConfig {
  const secretText = settings.secret ?? readSecretFile(settings.secretFile);
  const secret = secretText ? new TextEncoder().encode(secretText.trim()) : undefined;
  if (secret && secret.length < MIN_SECRET_BYTES)
    throw new AuthConfigError(`The HS256 secret has ${secret.length} bytes; it needs at least ${MIN_SECRET_BYTES}.`);
  const { jwksUrl, issuer, audience, roleClaim, publicReads } = settings;
  return { secret, jwksUrl, issuer, audience, roleClaim, publicReads };
}

function readSecretFile(path: string | undefined): string | undefined {
  const file = path ?? DEFAULT_SECRET_FILE;
  if (!existsSync(file)) {
    if (path) throw new AuthConfigError(`AUTH_SECRET_FILE names ${path}, which does not exist.`);
    return undefined;
  }
  return readFileSync(file, "utf8");
}
