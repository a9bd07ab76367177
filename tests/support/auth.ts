import { SignJWT } from "jose";
import type { AuthConfig } from "../../server/auth/config.ts";
import { mintToken } from "../../server/auth/mint.ts";
import type { Role } from "../../server/auth/roles.ts";

/** The HS256 secret of the tests' API (tests only; a real one comes from a secret file or env file). */
export const TEST_SECRET = new TextEncoder().encode("tests-only-secret-0123456789abcdef0123456789");
export const TEST_AUTH: AuthConfig = { secret: TEST_SECRET, roleClaim: "role", publicReads: true };

/** A request deadline for tests that write: generous, so that a busy machine slows them down without failing them. */
export const WRITE_DEADLINE_MS = 300_000;

export const tokenFor = (role: Role, sub = `${role}-user`, expiresIn: string | number = "1h") =>
  mintToken(TEST_SECRET, { sub, role, expiresIn });

/** A token that expired a minute ago. */
export const expiredToken = (role: Role = "editor") =>
  new SignJWT({ role })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("late")
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
    .sign(TEST_SECRET);

/** An editor token signed with another secret. */
export const wronglySignedToken = () =>
  mintToken(new TextEncoder().encode("some-other-secret-0123456789abcdef0123456789"), { sub: "mallory", role: "admin" });

/** A source as the curation mutations take it. */
export const PRESS_SOURCE = {
  url: "https://example.org/reports/2024/front-companies",
  publisher: "Example Daily",
  date: "2024-03-15",
  excerpt: "The two firms share an office and a director, according to invoices seen by the paper.",
};
