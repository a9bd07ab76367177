import { GraphQLError } from "graphql";

/** Error codes of the API, in `errors[].extensions.code`. */
export type ErrorCode = "BAD_USER_INPUT" | "NOT_FOUND" | "DATABASE_UNAVAILABLE" | "QUERY_TIMEOUT" | "INTERNAL_SERVER_ERROR";

/** An error meant for the caller: a code and a message that says what was wrong and where. */
export function userError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export function badInput(argument: string, message: string): GraphQLError {
  return userError("BAD_USER_INPUT", `Argument "${argument}": ${message}`, { argument });
}

export function notFound(argument: string, id: string): GraphQLError {
  return userError("NOT_FOUND", `No entity with id "${id}" (argument "${argument}").`, { argument, id });
}
