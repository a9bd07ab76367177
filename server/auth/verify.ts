import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { AuthConfig } from "./config.ts";
import { type Principal, strongestRole } from "./roles.ts";

/** A token that was presented but does not authenticate anyone: the message says why (expired, bad signature, ...). */
export class InvalidTokenError extends Error {}

export type Verifier = (token: string) => Promise<Principal>;

function claimAt(payload: JWTPayload, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), payload);
}

/**
 * Verifies a bearer token with jose: HS256 against the local secret, or (for any other algorithm) against the
 * OIDC issuer's key set, fetched from its JWKS URL and cached by jose. Expiry is always checked.
 */
export function createVerifier(config: AuthConfig): Verifier {
  const jwks: JWTVerifyGetKey | undefined = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  return async (token) => {
    let payload: JWTPayload;
    try {
      const alg = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")).alg;
      if (alg === "HS256") {
        if (!config.secret) throw new InvalidTokenError("HS256 tokens are not accepted: no local secret is configured.");
        ({ payload } = await jwtVerify(token, config.secret, { algorithms: ["HS256"], requiredClaims: ["sub", "exp"] }));
      } else {
        if (!jwks) throw new InvalidTokenError(`${alg} tokens are not accepted: no OIDC JWKS URL is configured.`);
        ({ payload } = await jwtVerify(token, jwks, { issuer: config.issuer, audience: config.audience, requiredClaims: ["sub", "exp"] }));
      }
    } catch (error) {
      throw new InvalidTokenError(reason(error));
    }
    const role = strongestRole(claimAt(payload, config.roleClaim));
    if (!role) throw new InvalidTokenError(`The token's "${config.roleClaim}" claim names no role (viewer, editor or admin).`);
    return { sub: String(payload.sub), role };
  };
}

function reason(error: unknown): string {
  if (error instanceof InvalidTokenError) return error.message;
  if (error instanceof errors.JWTExpired) return "The token has expired.";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The token's signature does not verify.";
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not acceptable: ${error.reason}.`;
  if (error instanceof errors.JOSEError) return `The token is not acceptable (${error.code}).`;
  return "The token is not a well-formed JWT.";
}
