/**
 * The benchmark page: the client's own CanvasView (stylesheet, level of detail, layouts) fed synthetic networks.
 * bench/client/render.ts drives it in headless Chromium through window.bench.
 */
import type { Core } from "cytoscape";
import { CanvasView, type RendererChoice } from "../../client/src/graph/canvas-view.ts";
import { NODE_SIZE } from "../../client/src/graph/level-of-detail.ts";
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
  /** CanvasView.sync: the model's elements added to Cytoscape (nothing painted yet, as in the client). */
  drawMs: number;
  /** The layout run to its end and the fit, plus two painted frames: the first usable picture. */
  layoutMs: number;
  /** Of layoutMs: until the nodes stood at their positions and the view was fitted (the rest is the first paint). */
  placedMs: number;
  totalMs: number;
  /**
   * How usable the picture is: the share (%) of nodes (1,000 sampled) with another node's centre closer than the
   * smallest node's width (NODE_SIZE.min), i.e. drawn over each other.
   */
  crowdedPct: number;
  /** Frames per second while panning by code (cy.panBy every frame): every frame redraws the whole graph. */
  panFps: number;
  /** Frames Cytoscape drew per second while the mouse drags a node (render.ts; Drag). */
  dragFps: number;
  /** Frames Cytoscape drew per second while the mouse drags the background (a pan by hand). */
  mousePanFps: number;
  nodeLabels: boolean;
  /** Which renderer drew: "webgl" or "canvas". */
  renderer: string;
}

/**
 * What the client does when it opens a network: sync the model onto the canvas, lay it out (in the same task, so
 * nothing is painted in between), fit, paint. Timed to the second painted frame after the layout.
 */
async function run(nodes: number, layout: LayoutName = "fcose", renderer: RendererChoice = "auto", panMs = 3000): Promise<BenchResult> {
  view?.destroy();
  view = new CanvasView(container, { onSelect: noop, onExpandRequest: noop, onContextMenu: noop, onPager: noop }, renderer);
  const { entities, relationships } = syntheticNetwork(nodes);
  const network = new CanvasModel();
  for (const e of entities) network.addEntity(e, 5);
  for (const r of relationships) network.addRelationship(r);
  await frame();
  const t0 = performance.now();
  view.sync(network);
  const t1 = performance.now();
  await view.layout(layout);
  const placed = performance.now();
  await frame();
  await frame();
  const t2 = performance.now();
  const crowdedPct = crowded(view.cy.nodes().map((n) => n.position()));
  // Programmatic pan (cy.panBy each frame): no viewport gesture, so the renderer redraws everything every frame.
  const renders = countRenders();
  const start = performance.now();
  while (performance.now() - start < panMs) {
    view.cy.panBy({ x: 3, y: 2 });
    await frame();
  }
  const panFps = renders().fps;
  return {
    nodes,
    edges: relationships.length,
    layout,
    drawMs: Math.round(t1 - t0),
    layoutMs: Math.round(t2 - t1),
    placedMs: Math.round(placed - t1),
    totalMs: Math.round(t2 - t0),
    crowdedPct,
    panFps,
    dragFps: 0,
    mousePanFps: 0,
    nodeLabels: view.detailLevel.nodeLabels,
    renderer: view.usesWebgl ? "webgl" : "canvas",
  };
}

/** Share (%) of up to 1,000 nodes, evenly sampled, whose nearest other node is closer than NODE_SIZE.min. */
function crowded(positions: { x: number; y: number }[]): number {
  const step = Math.max(1, Math.floor(positions.length / 1000));
  let sampled = 0;
  let close = 0;
  for (let i = 0; i < positions.length; i += step) {
    sampled++;
    const p = positions[i];
    if (positions.some((q, j) => j !== i && Math.hypot(q.x - p.x, q.y - p.y) < NODE_SIZE.min)) close++;
  }
  return sampled ? Math.round((close / sampled) * 1000) / 10 : 0;
}

/**
 * Where the mouse grabs a node to drag it: the rendered position (page pixels; the canvas fills the page) of a node of
 * the graph's median degree (a typical node, not a hub or a leaf), the one nearest the middle of the viewport that
 * Cytoscape's own hit test finds at its centre (a node under another one, which the layout leaves in places, or
 * under a group's label would take no drag). The rule is fixed; which node it finds follows the layout (fCoSE starts
 * from random positions), so the result names the node and its degree beside the frame rate (on a large graph, where
 * the edges are hidden while dragging, the degree hardly matters: docs/client.md, "At scale"). With `zoom`, the view first zooms to
 * that node and centres it (at the fit's zoom a node of 5,000 is 2 to 4 px wide; an analyst zooms in to take one).
 * Plain values, never a Cytoscape element (Playwright would serialise it).
 */
async function grabPoint(zoom?: number): Promise<Grab> {
  const cy = (view as CanvasView).cy;
  if (zoom) {
    const { id } = await grabPoint();
    cy.zoom({ level: zoom, position: cy.getElementById(id).position() });
    cy.center(cy.getElementById(id));
    await frame();
    await frame();
  }
  const nodes = cy.nodes("[kind = 'entity']");
  const degrees = nodes.map((n) => n.degree(false)).sort((a, b) => a - b);
  const median = degrees[Math.floor(degrees.length / 2)];
  const hit = (
    cy as unknown as {
      renderer(): { findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): { id(): string } | null };
    }
  )
    .renderer()
    .findNearestElement.bind((cy as unknown as { renderer(): object }).renderer());
  const mid = { x: cy.width() / 2, y: cy.height() / 2 };
  const byDistance = nodes
    .toArray()
    .filter((n) => n.degree(false) === median)
    .map((n) => ({ n, p: n.renderedPosition() }))
    .sort((a, b) => (a.p.x - mid.x) ** 2 + (a.p.y - mid.y) ** 2 - ((b.p.x - mid.x) ** 2 + (b.p.y - mid.y) ** 2));
  const best = byDistance.find(({ n }) => hit(n.position().x, n.position().y, true, false)?.id() === n.id()) ?? byDistance[0];
  return { id: best.n.id(), degree: median, x: best.p.x, y: best.p.y };
}

/** The node a drag grabs (grabPoint): its id, its degree (edges drawn to it) and where it is on the page. */
export interface Grab {
  id: string;
  degree: number;
  x: number;
  y: number;
}

export interface DragResult {
  /** Frames Cytoscape drew per second (framesDrawn: one per frame it actually painted). */
  fps: number;
  /** Mouse moves sent per second (one per animation frame: the frame rate cannot exceed it). */
  moves: number;
  /** Node "drag" events (a node followed the mouse) and whether the viewport moved (a pan). */
  drags: number;
  panned: boolean;
  /**
   * Of the frames drawn, those that redrew Cytoscape's node layer (every element not being dragged) besides its drag
   * layer: at the drag's start and little else, since the drag changes only the dragged elements (drag-layer.ts).
   */
  nodeLayerFrames: number;
}

/**
 * A mouse drag as the browser delivers one: a mousedown on the canvas at `from` (page pixels), then one mousemove
 * per animation frame (Chromium aligns mouse moves to frames), in circles of `radius` px, for `ms`, then a mouseup.
 * The events go through Cytoscape's own handlers (hit test, grab, drag or pan, redraw); they are dispatched in the
 * page because a driven mouse (Playwright, one round trip per move) sends fewer moves than frames on a busy machine,
 * and would measure the machine's load, not the canvas.
 */
async function drag(from: { x: number; y: number }, radius: number, ms = 3000): Promise<DragResult> {
  const cy = (view as CanvasView).cy;
  const target = document.elementFromPoint(from.x, from.y) ?? container;
  const mouse = (type: string, x: number, y: number, on: EventTarget) =>
    on.dispatchEvent(
      new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === "mouseup" ? 0 : 1, bubbles: true, cancelable: true }),
    );
  const frames = framesDrawn(cy);
  let drags = 0;
  const onDrag = () => drags++;
  const pan = { ...cy.pan() };
  mouse("mousedown", from.x, from.y, target);
  await frame();
  frames.start();
  cy.on("drag", "node", onDrag);
  const start = performance.now();
  let moves = 0;
  let at = from;
  while (performance.now() - start < ms) {
    moves++;
    const angle = (moves / 40) * 2 * Math.PI;
    at = { x: from.x + radius * Math.sin(angle), y: from.y + radius * (1 - Math.cos(angle)) };
    mouse("mousemove", at.x, at.y, window);
    await frame();
  }
  const seconds = (performance.now() - start) / 1000;
  const { drawn, nodeLayerFrames } = frames.stop();
  cy.off("drag", "node", onDrag);
  mouse("mouseup", at.x, at.y, window);
  const now = cy.pan();
  const rate = (count: number) => Math.round((count / seconds) * 10) / 10;
  return { fps: rate(drawn), moves: rate(moves), drags, panned: now.x !== pan.x || now.y !== pan.y, nodeLayerFrames };
}

/**
 * Counts the frames Cytoscape's renderer draws on screen: calls of its render(), without the off-screen ones (the
 * snapshot textureOnViewport takes). Both renderers go through render(); only the 2D canvas emits a "render" event,
 * the WebGL mode does not, so the bench wraps the function. nodeLayerFrames: of those, the frames that redrew the node
 * layer (the renderer's canvasNeedsRedraw flag for that layer set as the frame starts).
 */
function framesDrawn(cy: Core): { start(): void; stop(): { drawn: number; nodeLayerFrames: number } } {
  const renderer = (
    cy as unknown as {
      renderer(): { render(options?: { forcedContext?: unknown }): void; NODE: number; data: { canvasNeedsRedraw?: boolean[] } };
    }
  ).renderer();
  const original = renderer.render;
  let drawn = 0;
  let nodeLayerFrames = 0;
  return {
    start() {
      renderer.render = function (this: unknown, options) {
        if (!options?.forcedContext) {
          drawn++;
          if (renderer.data.canvasNeedsRedraw?.[renderer.NODE]) nodeLayerFrames++;
        }
        return original.call(this, options);
      };
    },
    stop() {
      renderer.render = original;
      return { drawn, nodeLayerFrames };
    },
  };
}

/** Frames Cytoscape drew per second until the returned function is called. */
function countRenders(): () => { fps: number } {
  const frames = framesDrawn((view as CanvasView).cy);
  frames.start();
  const start = performance.now();
  return () => ({ fps: Math.round((frames.stop().drawn / ((performance.now() - start) / 1000)) * 10) / 10 });
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
  grabPoint,
  drag,
};
