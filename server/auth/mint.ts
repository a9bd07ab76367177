import { SignJWT } from "jose";
import type { Role } from "./roles.ts";

export interface MintOptions {
  sub: string;
  role: Role;
  /** Where the role goes; a dotted path nests it (`realm_access.roles`). */
  roleClaim?: string;
  /** Lifetime, e.g. `8h`, `30d`, or seconds. */
  expiresIn?: string | number;
}

/** A local HS256 token: `sub`, the role at `roleClaim`, issued now, expiring after `expiresIn`. */
export function mintToken(secret: Uint8Array, { sub, role, roleClaim = "role", expiresIn = "12h" }: MintOptions): Promise<string> {
  const claims = roleClaim
    .split(".")
    .reverse()
    .reduce<unknown>((value, key) => ({ [key]: value }), role) as Record<string, unknown>;
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setSubject(sub).setIssuedAt().setExpirationTime(expiresIn).sign(secret);
}
