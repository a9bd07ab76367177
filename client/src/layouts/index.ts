/** The layouts the client offers, by name. Extensions they need are registered in ../graph/extensions.ts. */
import type { LayoutName } from "../model/url-state.ts";
import { concentricLayout } from "./concentric.ts";
import { dagreLayout } from "./dagre.ts";
import { fcoseLayout } from "./fcose.ts";
import type { LayoutDefinition } from "./layout-definition.ts";

export const LAYOUTS: Record<LayoutName, LayoutDefinition> = {
  fcose: fcoseLayout,
  dagre: dagreLayout,
  concentric: concentricLayout,
};

export type { LayoutContext, LayoutDefinition } from "./layout-definition.ts";
