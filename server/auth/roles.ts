/** Roles, weakest first: a viewer reads, an editor also curates, an admin also reads the audit log of anyone. */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `held` grants what `needed` requires. */
export function grants(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/** The strongest role named by a claim value (a string or a list, e.g. Keycloak's `realm_access.roles`). */
export function strongestRole(claim: unknown): Role | undefined {
  const values = Array.isArray(claim) ? claim : [claim];
  const roles = values.filter(isRole);
  return roles.sort((a, b) => ROLES.indexOf(b) - ROLES.indexOf(a))[0];
}

/** Who made a request: the token's subject and the role its claim grants. */
export interface Principal {
  sub: string;
  role: Role;
}
