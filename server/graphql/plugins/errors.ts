import type { GraphQLError } from "graphql";
import type { YogaServerOptions } from "graphql-yoga";
import { ClientClosedError, DatabaseUnavailableError, QueryTimeoutError } from "../../db/errors.ts";
import { userError } from "../errors.ts";

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>["maskedErrors"], boolean | undefined>>["maskError"];

// Checked by name, not instanceof: graphql's CJS and ESM builds can both be loaded, each with its own class.
const isGraphQLError = (error: unknown): error is GraphQLError => error instanceof Error && error.name === "GraphQLError";

function originalOf(error: unknown): unknown {
  let current = error;
  while (isGraphQLError(current) && current.originalError) current = current.originalError;
  return current;
}

/**
 * Our own user errors pass through; a database that is down or a query over its time limit become clear,
 * coded errors; anything else is logged and masked, so no stack trace or internal message reaches a caller.
 */
export function maskErrors(log: (error: unknown) => void): MaskError {
  return (error, message) => {
    const original = originalOf(error);
    if (original instanceof DatabaseUnavailableError) return userError("DATABASE_UNAVAILABLE", original.message);
    if (original instanceof QueryTimeoutError)
      return userError(
        "QUERY_TIMEOUT",
        "The query took longer than its time limit. Narrow it (fewer hops, fewer relationship types, a smaller limit).",
      );
    // Nobody reads this answer; Yoga's logger notes it in one line (yoga.ts).
    if (original instanceof ClientClosedError) return userError("CLIENT_CLOSED_REQUEST", original.message);
    if (isGraphQLError(original)) return isGraphQLError(error) ? error : original;
    log(original);
    return userError("INTERNAL_SERVER_ERROR", message);
  };
}
