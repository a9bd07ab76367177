import type { YogaInitialContext } from "graphql-yoga";
import type { Graph } from "../db/graph.ts";
import type { Loaders } from "./loaders.ts";

export interface Context extends YogaInitialContext {
  graph: Graph;
  loaders: Loaders;
}
