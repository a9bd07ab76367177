import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { ErrorCode } from "../generated.ts";

const refused = (status: number, code: ErrorCode, message: string) => new GraphQLError(message, { extensions: { code, http: { status } } });

/** The code an error without one gets: what graphql-js and Yoga raise before execution carries none. */
function codeFor(error: GraphQLError): ErrorCode {
  if (/^Variable "\$/.test(error.message)) return "BAD_USER_INPUT";
  if (error.message.startsWith("Syntax Error")) return "GRAPHQL_PARSE_FAILED";
  // Not tied to a field: the operation as a whole was refused (e.g. "Schema is not configured to execute mutation").
  if (!error.path) return "GRAPHQL_VALIDATION_FAILED";
  return "INTERNAL_SERVER_ERROR";
}

/**
 * Every error a caller sees carries `extensions.code` and a message of ours: Yoga's body limit names the limit,
 * its invalid-JSON error loses the parser's message (extensions.originalError), an unsupported content type or an
 * unacceptable Accept header get a coded JSON body instead of an empty one.
 */
export function useCodedErrors({ maxBodyBytes }: { maxBodyBytes: number }): Plugin {
  const recode = (error: GraphQLError): GraphQLError => {
    const { originalError, ...extensions } = error.extensions ?? {};
    const tooLarge = extensions.code === "REQUEST_ENTITY_TOO_LARGE";
    if (extensions.code && !originalError && !tooLarge) return error;
    extensions.code ??= codeFor(error);
    // A body that is not JSON at all is a 400 whatever the Accept header (Yoga decided that by originalError).
    if (originalError) extensions.http = { ...(extensions.http as object), spec: false };
    const message = tooLarge ? `The request body is larger than the limit of ${maxBodyBytes} bytes.` : error.message;
    const { nodes, source, positions, path } = error;
    return new GraphQLError(message, { nodes, source, positions, path, originalError: error.originalError, extensions });
  };
  const recodeResult = <T>(result: T): T =>
    result && typeof result === "object" && "errors" in result && Array.isArray(result.errors)
      ? { ...result, errors: result.errors.map(recode) }
      : result;

  return {
    onRequestParse({ request, requestParser, url }) {
      if (requestParser || request.method !== "POST" || url.pathname !== "/graphql") return;
      const type = request.headers.get("content-type") ?? "none";
      throw refused(415, "UNSUPPORTED_MEDIA_TYPE", `Content-Type ${type} is not supported; send application/json.`);
    },
    onResultProcess({ result, setResult }) {
      // A stream (subscription) is left alone: its events are execution results, coded by maskErrors.
      setResult(Array.isArray(result) ? result.map(recodeResult) : recodeResult(result));
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status !== 406 || response.body) return;
      const accept = request.headers.get("accept") ?? "";
      const error = {
        message: `Cannot answer with ${accept}; accept application/json or application/graphql-response+json.`,
        extensions: { code: "NOT_ACCEPTABLE" },
      };
      setResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [error] }), { status: 406, headers: { "content-type": "application/json" } }),
      );
    },
  };
}
