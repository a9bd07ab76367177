/** Errors the database layer raises for conditions a user should be told about in plain words. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The graph database is not reachable right now. Try again shortly.", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

export class QueryTimeoutError extends Error {
  constructor(
    cause: unknown,
    readonly query: string,
    timeoutMs: number,
  ) {
    super(`The query ${query} took longer than its time limit of ${timeoutMs / 1000} s.`, { cause });
    this.name = "QueryTimeoutError";
  }
}

/** The database did not answer a query by its deadline: hung, overloaded or cut off. */
export class DatabaseNoAnswerError extends DatabaseUnavailableError {
  constructor(waitedMs: number) {
    super(undefined);
    this.message = `The graph database did not answer within ${(waitedMs / 1000).toFixed(1)} s. Try again shortly.`;
    this.name = "DatabaseNoAnswerError";
  }
}

/** The caller went away (closed the connection) before the query was answered; the query is abandoned. */
export class ClientClosedError extends Error {
  constructor() {
    super("The client closed the request before it was answered.");
    this.name = "ClientClosedError";
  }
}
