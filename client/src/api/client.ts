import type { ErrorCode } from "./generated-enums.ts";

/**
 * The one way the client talks to the API: POST JSON to /graphql. GraphQL errors become an ApiError carrying the
 * server's `extensions.code` (NOT_FOUND, BAD_USER_INPUT, DATABASE_UNAVAILABLE, ...); network failures get the code
 * NETWORK_ERROR so the UI can say what went wrong and offer a retry.
 */

export interface GraphQLErrorPayload {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly errors: GraphQLErrorPayload[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** True if retrying later may work (the API or the database is down), rather than the request being wrong. */
  get transient(): boolean {
    return ["NETWORK_ERROR", "DATABASE_UNAVAILABLE", "SERVICE_UNAVAILABLE", "HTTP_ERROR", "TIMEOUT", "RATE_LIMITED"].includes(this.code);
  }
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface GraphQLClientOptions {
  endpoint?: string;
  fetch?: Fetch;
  /** Abort a request after this many milliseconds. */
  timeoutMs?: number;
  /** The signed-in user's bearer token, if any (sent as `Authorization: Bearer`). */
  token?: () => string | null;
}

export class GraphQLClient {
  private readonly endpoint: string;
  private readonly fetchFn: Fetch;
  private readonly timeoutMs: number;
  private readonly token: () => string | null;

  constructor({ endpoint = "/graphql", fetch: fetchFn, timeoutMs = 30_000, token = () => null }: GraphQLClientOptions = {}) {
    this.endpoint = endpoint;
    this.token = token;
    this.fetchFn = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = timeoutMs;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchFn(this.endpoint, {
        method: "POST",
        headers: this.headers({ accept: "application/graphql-response+json, application/json" }),
        body: JSON.stringify({ query, variables }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      if (timeout.aborted) throw new ApiError("The API did not answer in time.", "TIMEOUT");
      throw new ApiError("Cannot reach the API server.", "NETWORK_ERROR");
    }
    let body: { data?: T | null; errors?: GraphQLErrorPayload[] } | undefined;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (body?.errors?.length) {
      const [first] = body.errors;
      throw new ApiError(first.message, first.extensions?.code ?? "GRAPHQL_ERROR", body.errors);
    }
    if (!response.ok || !body?.data) {
      const code = response.status === 503 ? "SERVICE_UNAVAILABLE" : "HTTP_ERROR";
      throw new ApiError(`The API answered ${response.status} ${response.statusText}`.trim(), code);
    }
    return body.data;
  }

  /** Request headers, with the bearer token when signed in. */
  headers(extra: Record<string, string> = {}): Record<string, string> {
    const token = this.token();
    return { "content-type": "application/json", ...extra, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  }

  /**
   * A GraphQL subscription over Server-Sent Events: calls `onData` with each result's data until `signal` aborts
   * or the stream ends (then resolves). Errors in a result are thrown as ApiError.
   */
  async subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, signal: AbortSignal): Promise<void> {
    const response = await this.fetchFn(this.endpoint, {
      method: "POST",
      headers: this.headers({ accept: "text/event-stream" }),
      body: JSON.stringify({ query, variables }),
      signal,
    });
    if (!response.ok || !response.body) throw new ApiError(`The API answered ${response.status}`, "HTTP_ERROR");
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const data = buffer
          .slice(0, end)
          .split("\n")
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5))
          .join("\n");
        buffer = buffer.slice(end + 2);
        if (!data.trim()) continue;
        const payload = JSON.parse(data) as { data?: T; errors?: GraphQLErrorPayload[] };
        if (payload.errors?.length)
          throw new ApiError(payload.errors[0].message, payload.errors[0].extensions?.code ?? "GRAPHQL_ERROR", payload.errors);
        if (payload.data) onData(payload.data);
      }
    }
  }
}

export interface Health {
  status: "ok" | "unavailable";
  database: boolean;
}

/** GET /health; never throws: an unreachable server reads as `{status: "unavailable", database: false, reachable: false}`. */
export async function fetchHealth(fetchFn: Fetch = (i, init) => globalThis.fetch(i, init)): Promise<Health & { reachable: boolean }> {
  try {
    const response = await fetchFn("/health", { method: "GET", signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as Health;
    return { status: body.status, database: Boolean(body.database), reachable: true };
  } catch {
    return { status: "unavailable", database: false, reachable: false };
  }
}

/** Codes the client gives failures that never reached the API's GraphQL layer, or came back without a code. */
export type ClientErrorCode = "NETWORK_ERROR" | "TIMEOUT" | "SERVICE_UNAVAILABLE" | "HTTP_ERROR" | "GRAPHQL_ERROR";

type Described = { title: string; detail: string };

/** A message for every code the API publishes (the SDL's ErrorCode) and every code of the client's own. */
const MESSAGES: Record<ErrorCode | ClientErrorCode, (error: ApiError) => Described> = {
  NETWORK_ERROR: () => ({ title: "The API server cannot be reached", detail: "Check that the server is running, then retry." }),
  TIMEOUT: (e) => ({ title: "The API did not answer in time", detail: e.message }),
  DATABASE_UNAVAILABLE: () => ({
    title: "The graph database is unavailable",
    detail: "The API is up but cannot reach Neo4j. Retry in a moment.",
  }),
  SERVICE_UNAVAILABLE: () => ({
    title: "The graph database is unavailable",
    detail: "The API is up but cannot reach Neo4j. Retry in a moment.",
  }),
  QUERY_TIMEOUT: (e) => ({ title: "The query took too long", detail: e.message }),
  NOT_FOUND: (e) => ({ title: "Not found", detail: e.message }),
  BAD_USER_INPUT: (e) => ({ title: "The request was not accepted", detail: e.message }),
  UNAUTHENTICATED: (e) => ({ title: "Sign in first", detail: e.message }),
  FORBIDDEN: (e) => ({ title: "Your role does not allow this", detail: e.message }),
  CONFLICT: (e) => ({ title: "The request was not accepted", detail: e.message }),
  INTERNAL_SERVER_ERROR: (e) => ({ title: "The API failed unexpectedly", detail: `${e.message} The error is logged on the server.` }),
  BAD_REQUEST: (e) => ({ title: "The request was not accepted", detail: e.message }),
  GRAPHQL_PARSE_FAILED: (e) => ({ title: "The request was not accepted", detail: e.message }),
  GRAPHQL_VALIDATION_FAILED: (e) => ({ title: "The request was not accepted", detail: e.message }),
  OPERATION_LIMIT_EXCEEDED: (e) => ({ title: "The request is too large to run", detail: e.message }),
  REQUEST_ENTITY_TOO_LARGE: (e) => ({ title: "The request is too large to run", detail: e.message }),
  UNSUPPORTED_MEDIA_TYPE: (e) => ({ title: "The request was not accepted", detail: e.message }),
  NOT_ACCEPTABLE: (e) => ({ title: "The request was not accepted", detail: e.message }),
  RATE_LIMITED: (e) => ({ title: "Too many requests at once", detail: e.message }),
  CLIENT_CLOSED_REQUEST: (e) => ({ title: "The request was cancelled", detail: e.message }),
  HTTP_ERROR: (e) => ({ title: "The API reported an error", detail: e.message }),
  GRAPHQL_ERROR: (e) => ({ title: "The API reported an error", detail: e.message }),
};

/** A sentence for an analyst, from an error of any kind. */
export function describeError(error: unknown): { title: string; detail: string; code: string } {
  if (error instanceof ApiError) {
    const describe = MESSAGES[error.code as ErrorCode | ClientErrorCode] ?? MESSAGES.GRAPHQL_ERROR;
    return { ...describe(error), code: error.code };
  }
  return { title: "Something went wrong", detail: error instanceof Error ? error.message : String(error), code: "CLIENT_ERROR" };
}
