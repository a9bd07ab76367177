import type { YogaServerOptions } from "graphql-yoga";

type CorsOption = NonNullable<YogaServerOptions<object, object>["cors"]>;

/**
 * CORS for the configured origins only (CORS_ORIGINS). With none, no CORS headers at all: the client is served from
 * the same origin and needs none, and other sites' scripts cannot read answers. No credentials either way (the API
 * uses no cookies; a token goes in the Authorization header).
 */
export function corsFor(origins: readonly string[]): CorsOption {
  return (request: Request) => {
    const origin = request.headers.get("origin");
    if (!origin || !origins.includes(origin)) return false;
    return {
      origin: [origin],
      credentials: false,
      methods: ["GET", "POST"],
      allowedHeaders: ["content-type", "accept", "authorization"],
      maxAge: 600,
    };
  };
}
