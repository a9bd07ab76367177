import { GraphQLError } from "graphql";

/** Error codes of the API, in `errors[].extensions.code`. */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "DATABASE_UNAVAILABLE"
  | "QUERY_TIMEOUT"
  | "INTERNAL_SERVER_ERROR"
  // Requests refused before they run (plugins/coded-errors.ts, plugins/armor.ts).
  | "BAD_REQUEST"
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "OPERATION_LIMIT_EXCEEDED"
  | "REQUEST_ENTITY_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "NOT_ACCEPTABLE"
  | "CLIENT_CLOSED_REQUEST";

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
