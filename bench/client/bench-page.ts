/**
 * The benchmark page: the client's own CanvasView (stylesheet, level of detail, layouts) fed synthetic networks.
 * bench/client/render.ts drives it in headless Chromium through window.bench.
 */
import { CanvasView, type RendererChoice } from "../../client/src/graph/canvas-view.ts";
import { CanvasModel } from "../../client/src/model/canvas-model.ts";
import type { LayoutName } from "../../client/src/model/url-state.ts";
import { syntheticNeighbourhood, syntheticNetwork } from "./synthetic.ts";

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

const container = document.getElementById("canvas") as HTMLElement;
const noop = () => {};
let view: CanvasView | null = null;
let model: CanvasModel | null = null;

export interface BenchResult {
  nodes: number;
  edges: number;
  layout: LayoutName;
  /** Adding the elements and painting the first frame (before any layout). */
  drawMs: number;
  /** Running the layout to its end, plus one painted frame. */
  layoutMs: number;
  totalMs: number;
  /** Frames per second while panning by code (cy.panBy every frame) for `panMs`. */
  panFps: number;
  /** Frames per second while the mouse drags the canvas (measured by render.ts with countFrames). */
  dragFps: number;
  nodeLabels: boolean;
  /** Which renderer drew: "webgl" or "canvas". */
  renderer: string;
}

async function run(nodes: number, layout: LayoutName = "fcose", renderer: RendererChoice = "auto", panMs = 3000): Promise<BenchResult> {
  view?.destroy();
  view = new CanvasView(container, { onSelect: noop, onExpandRequest: noop, onContextMenu: noop, onPager: noop }, renderer);
  const { entities, relationships } = syntheticNetwork(nodes);
  const model = new CanvasModel();
  await frame();
  const t0 = performance.now();
  for (const e of entities) model.addEntity(e, 5);
  for (const r of relationships) model.addRelationship(r);
  view.sync(model);
  view.cy.layout({ name: "grid" }).run();
  await frame();
  await frame();
  const t1 = performance.now();
  await view.layout(layout);
  await frame();
  await frame();
  const t2 = performance.now();
  // Programmatic pan (cy.panBy each frame): the renderer redraws everything every frame.
  let frames = 0;
  const start = performance.now();
  while (performance.now() - start < panMs) {
    view.cy.panBy({ x: 3, y: 2 });
    await frame();
    frames++;
  }
  const panFps = (frames * 1000) / (performance.now() - start);
  return {
    nodes,
    edges: relationships.length,
    layout,
    drawMs: Math.round(t1 - t0),
    layoutMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    panFps: Math.round(panFps * 10) / 10,
    dragFps: 0,
    nodeLabels: view.detailLevel.nodeLabels,
    renderer: view.usesWebgl ? "webgl" : "canvas",
  };
}

export interface LegibilityResult {
  layout: LayoutName;
  /** Entities in the neighbourhood, and what the canvas draws for them (entities and groups). */
  entities: number;
  drawn: number;
  groups: number;
  zoom: number;
  /** The focus and the nodes next to it: how many, how many with a label drawn at READABLE_PX or more, the smallest. */
  firstRing: number;
  legible: number;
  smallestLabelPx: number;
  /** Pairs of the focus and first-ring nodes whose boxes (node and label) overlap. */
  overlaps: number;
  layoutMs: number;
}

/**
 * Opens a neighbourhood of `size` entities centred on its hub, as the client does (sync, layout with the focus, fit),
 * and measures whether the focus and its first ring can be read: a label counts as legible when it is drawn (not
 * hidden by the level of detail) at 10 px or more on screen.
 */
async function neighbourhood(size: number, layout: LayoutName = "concentric"): Promise<LegibilityResult> {
  view?.destroy();
  view = new CanvasView(container, { onSelect: noop, onExpandRequest: noop, onContextMenu: noop, onPager: noop });
  const { entities, relationships } = syntheticNeighbourhood(size);
  model = new CanvasModel();
  for (const e of entities) model.addEntity(e, e.id === "hub" ? size : undefined);
  for (const r of relationships) model.addRelationship(r);
  const t0 = performance.now();
  view.sync(model);
  await view.layout(layout, { focus: "hub" });
  await frame();
  await frame();
  const layoutMs = Math.round(performance.now() - t0);
  const cy = view.cy;
  const zoom = cy.zoom();
  const hub = cy.getElementById("hub");
  const ring = hub.union(hub.neighborhood().nodes());
  const labelPx = ring.map((n) => {
    const shown = n.style("label") !== "" && n.style("display") !== "none";
    const px = Number.parseFloat(n.style("font-size")) * zoom;
    const minPx = Number.parseFloat(n.style("min-zoomed-font-size"));
    return shown && px >= minPx && px >= 10 ? px : 0;
  });
  const boxes = ring.map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
    }
  return {
    layout,
    entities: entities.length,
    drawn: cy.nodes().length,
    groups: cy.nodes("[kind = 'group']").length,
    zoom: Math.round(zoom * 100) / 100,
    firstRing: ring.length,
    legible: labelPx.filter((px) => px > 0).length,
    smallestLabelPx: Math.round(Math.min(...labelPx) * 10) / 10,
    overlaps,
    layoutMs,
  };
}

/** Counts painted frames until the returned function is called; it returns frames per second. */
function countFrames(): () => number {
  let frames = 0;
  let on = true;
  const start = performance.now();
  const tick = () => {
    frames++;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    on = false;
    return Math.round(((frames * 1000) / (performance.now() - start)) * 10) / 10;
  };
}

let stopCounter: (() => number) | null = null;

(window as unknown as { bench: unknown }).bench = {
  run,
  neighbourhood,
  /** The view of the last run (tests/e2e/canvas-scale.test.ts opens a group through it). */
  get view() {
    return view;
  },
  /** The model of the last neighbourhood (the e2e test expands the hub through it). */
  get model() {
    return model;
  },
  ready: true,
  startFrames: () => {
    stopCounter = countFrames();
  },
  stopFrames: () => stopCounter?.() ?? 0,
};
