/**
 * The view in the URL's hash, so a link reopens it: the entities on the canvas (by their stable business ids, never
 * database ids), or a neighbourhood to open, a path query, the selection, the layout and the filters.
 *
 *   #e=ofac-52262,ofac-52283&sel=ofac-52283&layout=dagre&hs=Address&ht=LINKED_TO
 *   #hood=ofac-52262&depth=2
 *   #e=...&from=ofac-52264&to=ofac-52289&hops=4&k=3&mode=shortest&types=OWNS,CONTROLS&dir=ANY&avoid=ofac-1
 *   #e=...&at=2024-05-02   (the graph as of a day)
 */
import type { Direction, PathQuery } from "../api/types.ts";
import { isDay } from "./as-of.ts";

export const LAYOUT_NAMES = ["fcose", "dagre", "concentric"] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export interface ViewState {
  /** Entities on the canvas. */
  entities: string[];
  /** A neighbourhood to open (when the view is just that). */
  hood?: { id: string; depth: number };
  selected?: string;
  layout: LayoutName;
  hiddenSchemata: string[];
  hiddenTypes: string[];
  path?: PathQuery;
  /** The day shown (the API's `at`); absent: today. */
  at?: string;
}

export const DEFAULT_START = { id: "ofac-52262", depth: 2 } as const;

export const DEFAULT_PATH_QUERY: Omit<PathQuery, "from" | "to"> = {
  maxHops: 4,
  k: 3,
  mode: "shortest",
  relationshipTypes: [],
  direction: "ANY",
  avoid: [],
};

export function emptyViewState(): ViewState {
  return { entities: [], layout: "fcose", hiddenSchemata: [], hiddenTypes: [] };
}

const DIRECTIONS: Direction[] = ["ANY", "OUTGOING", "INCOMING"];

function list(values: string[]): string {
  return values.map(encodeURIComponent).join(",");
}

function parseList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((v) => {
      try {
        return decodeURIComponent(v).trim();
      } catch {
        return "";
      }
    })
    .filter(Boolean);
}

function int(value: string | undefined, fallback: number, min: number, max: number): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** The hash (without `#`) for a view. Keys with default values are left out. */
export function encodeViewState(state: ViewState): string {
  const parts: string[] = [];
  if (state.hood && state.entities.length === 0) {
    parts.push(`hood=${encodeURIComponent(state.hood.id)}`, `depth=${state.hood.depth}`);
  } else if (state.entities.length) {
    parts.push(`e=${list(state.entities)}`);
  }
  if (state.selected) parts.push(`sel=${encodeURIComponent(state.selected)}`);
  if (state.layout !== "fcose") parts.push(`layout=${state.layout}`);
  if (state.hiddenSchemata.length) parts.push(`hs=${list(state.hiddenSchemata)}`);
  if (state.hiddenTypes.length) parts.push(`ht=${list(state.hiddenTypes)}`);
  if (state.at) parts.push(`at=${state.at}`);
  const p = state.path;
  if (p) {
    parts.push(`from=${encodeURIComponent(p.from)}`, `to=${encodeURIComponent(p.to)}`, `hops=${p.maxHops}`, `k=${p.k}`);
    if (p.mode !== "shortest") parts.push(`mode=${p.mode}`);
    if (p.relationshipTypes.length) parts.push(`types=${list(p.relationshipTypes)}`);
    if (p.direction !== "ANY") parts.push(`dir=${p.direction}`);
    if (p.avoid.length) parts.push(`avoid=${list(p.avoid)}`);
  }
  return parts.join("&");
}

/** Reads a hash (with or without `#`); unknown keys and bad values fall back to defaults. */
export function decodeViewState(hash: string): ViewState {
  const raw = new Map<string, string>();
  for (const part of hash.replace(/^#/, "").split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const key = eq < 0 ? part : part.slice(0, eq);
    raw.set(key, eq < 0 ? "" : part.slice(eq + 1));
  }
  const one = (key: string) => parseList(raw.get(key))[0];
  const state = emptyViewState();
  state.entities = [...new Set(parseList(raw.get("e")))];
  const hood = one("hood");
  if (hood && state.entities.length === 0) state.hood = { id: hood, depth: int(raw.get("depth"), 1, 1, 3) };
  state.selected = one("sel");
  const layout = raw.get("layout");
  if (layout && (LAYOUT_NAMES as readonly string[]).includes(layout)) state.layout = layout as LayoutName;
  state.hiddenSchemata = parseList(raw.get("hs"));
  state.hiddenTypes = parseList(raw.get("ht"));
  const from = one("from");
  const to = one("to");
  if (from && to) {
    const dir = raw.get("dir") as Direction | undefined;
    state.path = {
      from,
      to,
      // Bounded per mode by the API's published limits when the query runs (model/path-bounds.ts).
      maxHops: int(raw.get("hops"), DEFAULT_PATH_QUERY.maxHops, 1, Number.MAX_SAFE_INTEGER),
      k: int(raw.get("k"), DEFAULT_PATH_QUERY.k, 1, Number.MAX_SAFE_INTEGER),
      mode: raw.get("mode") === "all" ? "all" : "shortest",
      relationshipTypes: parseList(raw.get("types")),
      direction: dir && DIRECTIONS.includes(dir) ? dir : "ANY",
      avoid: parseList(raw.get("avoid")),
    };
  }
  const at = raw.get("at");
  if (at && isDay(at)) state.at = at;
  if (!state.selected) delete state.selected;
  return state;
}

/** True if the hash asks for nothing in particular, so the app opens its start network. */
export function isBlank(state: ViewState): boolean {
  return state.entities.length === 0 && !state.hood && !state.path;
}
