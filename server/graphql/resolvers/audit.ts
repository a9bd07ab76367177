import { auditLog } from "../../db/queries/audit.ts";
import type { Context } from "../context.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { userError } from "../errors.ts";
import { intInRange } from "../limits.ts";
import { requireRole } from "../plugins/auth.ts";

/** Who may read which part of the audit log: an entity's history, editors; one's own writes, anyone signed in; the rest, admins. */
function checkAccess(ctx: Context, args: { entity?: string | null; actor?: string | null }) {
  const user = requireRole(ctx, "viewer");
  if (user.role === "admin") return;
  if (args.actor != null && args.actor !== user.sub)
    throw userError("FORBIDDEN", "Reading another actor's writes needs the admin role.", { needed: "admin" });
  if (args.actor == null && args.entity == null)
    throw userError("FORBIDDEN", "The whole audit log needs the admin role; filter by entity or by your own actor.", { needed: "admin" });
  if (args.actor == null) requireRole(ctx, "editor");
}

const Query = {
  auditLog: async (_: unknown, args: { entity?: string | null; actor?: string | null; first: number; after?: string }, ctx: Context) => {
    checkAccess(ctx, args);
    const limit = intInRange("first", args.first, 1, 200);
    const offset = decodeCursor("after", args.after);
    const [{ total, page: events }] = await auditLog(
      ctx.graph,
      { entity: args.entity ?? null, actor: args.actor ?? null, offset, limit },
      ctx.request.signal,
    );
    return {
      totalCount: total,
      events,
      pageInfo: { hasNextPage: offset + events.length < total, endCursor: events.length ? encodeCursor(offset + events.length) : null },
    };
  },
};

export const auditResolvers = { Query };
