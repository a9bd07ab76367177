import { GraphQLError } from "graphql";
import type { ErrorCode } from "./generated.ts";

/** An error meant for the caller (the codes are the SDL's `ErrorCode` enum, server/graphql/schema/errors.graphql): a code and a message that says what was wrong and where. */
export function userError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export function badInput(argument: string, message: string): GraphQLError {
  return userError("BAD_USER_INPUT", `Argument "${argument}": ${message}`, { argument });
}

export function notFound(argument: string, id: string): GraphQLError {
  return userError("NOT_FOUND", `No entity with id "${id}" (argument "${argument}").`, { argument, id });
}
