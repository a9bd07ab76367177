import type { YogaInitialContext } from "graphql-yoga";
import type { Graph } from "../db/graph.ts";
import type { WatchService } from "../watches/service.ts";
import type { Loaders } from "./loaders.ts";
import type { AuthState } from "./plugins/auth.ts";

export interface Context extends YogaInitialContext {
  graph: Graph;
  loaders: Loaders;
  auth: AuthState;
  /** Watch evaluation after writes, and live alert streams. */
  watches: WatchService;
}
