import type { Plugin } from "graphql-yoga";
import type { Graph } from "../../db/graph.ts";

/** GET /health: 200 {"status":"ok"} when the database answers, 503 {"status":"unavailable"} when it does not. */
export function useHealth(graph: Graph): Plugin {
  return {
    async onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== "/health") return;
      const database = await graph.healthy();
      endResponse(
        new fetchAPI.Response(JSON.stringify({ status: database ? "ok" : "unavailable", database }), {
          status: database ? 200 : 503,
          headers: { "content-type": "application/json" },
        }),
      );
    },
  };
}
