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
    return ["NETWORK_ERROR", "DATABASE_UNAVAILABLE", "SERVICE_UNAVAILABLE", "HTTP_ERROR", "TIMEOUT"].includes(this.code);
  }
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface GraphQLClientOptions {
  endpoint?: string;
  fetch?: Fetch;
  /** Abort a request after this many milliseconds. */
  timeoutMs?: number;
}

export class GraphQLClient {
  private readonly endpoint: string;
  private readonly fetchFn: Fetch;
  private readonly timeoutMs: number;

  constructor({ endpoint = "/graphql", fetch: fetchFn, timeoutMs = 30_000 }: GraphQLClientOptions = {}) {
    this.endpoint = endpoint;
    this.fetchFn = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = timeoutMs;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchFn(this.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
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

/** A sentence for an analyst, from an error of any kind. */
export function describeError(error: unknown): { title: string; detail: string; code: string } {
  if (error instanceof ApiError) {
    switch (error.code) {
      case "NETWORK_ERROR":
        return { title: "The API server cannot be reached", detail: "Check that the server is running, then retry.", code: error.code };
      case "TIMEOUT":
        return { title: "The API did not answer in time", detail: error.message, code: error.code };
      case "DATABASE_UNAVAILABLE":
      case "SERVICE_UNAVAILABLE":
        return {
          title: "The graph database is unavailable",
          detail: "The API is up but cannot reach Neo4j. Retry in a moment.",
          code: error.code,
        };
      case "NOT_FOUND":
        return { title: "Not found", detail: error.message, code: error.code };
      case "BAD_USER_INPUT":
        return { title: "The request was not accepted", detail: error.message, code: error.code };
      default:
        return { title: "The API reported an error", detail: error.message, code: error.code };
    }
  }
  return { title: "Something went wrong", detail: error instanceof Error ? error.message : String(error), code: "CLIENT_ERROR" };
}
