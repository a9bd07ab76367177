import type { CollectionReturnValue, Core, LayoutOptions } from "cytoscape";
import type { LayoutName } from "../model/url-state.ts";

export interface LayoutContext {
  cy: Core;
  /** True when adding to a laid-out graph: keep positions where the layout allows it. */
  incremental: boolean;
  /** The entity to centre on (concentric). */
  focus?: string;
  nodeCount: number;
  /** The elements the layout runs on (the visible ones); all of cy's when absent. */
  elements?: CollectionReturnValue;
}

export interface LayoutDefinition {
  name: LayoutName;
  label: string;
  description: string;
  options(ctx: LayoutContext): LayoutOptions;
}
