import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { AuthConfig } from "../../auth/config.ts";
import { grants, type Principal, type Role } from "../../auth/roles.ts";
import { createVerifier, InvalidTokenError } from "../../auth/verify.ts";
import type { Context } from "../context.ts";
import { userError } from "../errors.ts";

/** Who is asking: the verified principal, or why a presented token was refused. */
export interface AuthState {
  user?: Principal;
  /** Set when a bearer token was presented but did not verify (expired, wrongly signed, no role). */
  rejected?: string;
}

/**
 * Verifies the `Authorization: Bearer` token of every request and puts the principal in the context. Queries and
 * subscriptions need a token only when reads are not public; mutations check their role with `requireRole`.
 */
export function useAuth(config: AuthConfig): Plugin<Context> {
  const verify = createVerifier(config);
  return {
    async onContextBuilding({ context, extendContext }) {
      const header = context.request.headers.get("authorization");
      if (!header) return extendContext({ auth: {} });
      const [scheme, token] = header.split(" ");
      if (scheme?.toLowerCase() !== "bearer" || !token)
        return extendContext({ auth: { rejected: "The Authorization header must be `Bearer <token>`." } });
      try {
        extendContext({ auth: { user: await verify(token) } });
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        extendContext({ auth: { rejected: error.message } });
      }
    },
    onExecute({ args, setResultAndStopExecution }) {
      if (config.publicReads) return;
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      const auth = (args.contextValue as Context).auth;
      if (operation !== "mutation" && !auth.user) setResultAndStopExecution({ errors: [unauthenticated(auth)] });
    },
  };
}

function unauthenticated(auth: AuthState) {
  return userError("UNAUTHENTICATED", auth.rejected ?? "Sign in: send `Authorization: Bearer <token>` (see docs/auth.md).");
}

/** The caller, if their role grants `role`; otherwise UNAUTHENTICATED (no valid token) or FORBIDDEN (too weak a role). */
export function requireRole(ctx: Context, role: Role): Principal {
  const { user } = ctx.auth;
  if (!user) throw unauthenticated(ctx.auth);
  if (!grants(user.role, role))
    throw userError("FORBIDDEN", `This needs the ${role} role; ${user.sub} has ${user.role}.`, { needed: role });
  return user;
}
