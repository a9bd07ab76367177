/** Errors the database layer raises for conditions a user should be told about in plain words. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The graph database is not reachable right now. Try again shortly.", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

export class QueryTimeoutError extends Error {
  constructor(cause: unknown) {
    super("The query took longer than its time limit. Narrow it (fewer hops, fewer relationship types, a smaller limit).", { cause });
    this.name = "QueryTimeoutError";
  }
}
