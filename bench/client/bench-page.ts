/**
 * The benchmark page: the client's own CanvasView (stylesheet, level of detail, layouts) fed synthetic networks.
 * bench/client/render.ts drives it in headless Chromium through window.bench.
 */
import { CanvasView } from "../../client/src/graph/canvas-view.ts";
import { CanvasModel } from "../../client/src/model/canvas-model.ts";
import type { LayoutName } from "../../client/src/model/url-state.ts";
import { syntheticNetwork } from "./synthetic.ts";

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

const container = document.getElementById("canvas") as HTMLElement;
const noop = () => {};
let view: CanvasView | null = null;

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
}

async function run(nodes: number, layout: LayoutName = "fcose", panMs = 3000): Promise<BenchResult> {
  view?.destroy();
  view = new CanvasView(container, { onSelect: noop, onExpandRequest: noop, onContextMenu: noop, onPager: noop });
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
  ready: true,
  startFrames: () => {
    stopCounter = countFrames();
  },
  stopFrames: () => stopCounter?.() ?? 0,
};
