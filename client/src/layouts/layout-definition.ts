import type { Core, LayoutOptions } from "cytoscape";
import type { LayoutName } from "../model/url-state.ts";

export interface LayoutContext {
  cy: Core;
  /** True when adding to a laid-out graph: keep positions where the layout allows it. */
  incremental: boolean;
  /** The entity to centre on (concentric). */
  focus?: string;
  nodeCount: number;
}

export interface LayoutDefinition {
  name: LayoutName;
  label: string;
  description: string;
  options(ctx: LayoutContext): LayoutOptions;
}
