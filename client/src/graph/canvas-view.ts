/**
 * The Cytoscape canvas: draws the model (by diffing elements), runs layouts, applies filters, the label level of
 * detail and path highlights, groups large fan-outs (grouping.ts; a tap on a group opens it), and reports the user's
 * gestures through callbacks.
 */
import type cytoscape from "cytoscape";
import type { Core, ElementDefinition, EventObject, LayoutOptions, NodeSingular, Position } from "cytoscape";
import { LAYOUTS } from "../layouts/index.ts";
import type { CanvasModel } from "../model/canvas-model.ts";
import type { LayoutName } from "../model/url-state.ts";
import { redrawOnlyDragLayerWhileDragging } from "./drag-layer.ts";
import { type EdgeData, type Filters, isFilteredOut, modelToElements, type NodeData } from "./elements.ts";
import { registerExtensions } from "./extensions.ts";
import { HEAVY_ELEMENTS, labelPolicy, WEBGL_ELEMENTS } from "./level-of-detail.ts";
import { buildStylesheet, type DetailLevel, FULL_DETAIL } from "./stylesheet.ts";

/** Classes that depend on the day the canvas shows. */
const AS_OF_CLASSES = ["sanctioned", "delisted", "ended"];

export interface CanvasCallbacks {
  onSelect(target: { kind: "entity" | "relationship"; id: string } | null): void;
  /** Double-click (or Enter) on an entity: the expand menu. */
  onExpandRequest(id: string, at: Position): void;
  /** Right-click / long-press. */
  onContextMenu(target: { kind: "entity" | "relationship" | "pager" | "canvas"; id: string }, at: Position): void;
  onPager(pagerId: string): void;
}

/** Which renderer draws: "auto" switches to WebGL past WEBGL_ELEMENTS where it helps (webglHelps), canvas otherwise. */
export type RendererChoice = "auto" | "canvas" | "webgl";

/**
 * Whether WebGL would draw faster here: WebGL 2 (Cytoscape's WebGL mode needs it) on a GPU. A software rasteriser
 * (SwiftShader, llvmpipe: headless browsers, machines without a GPU) drew 5,000 nodes slower than the 2D canvas in
 * bench/client, so there the canvas renderer stays.
 */
function webglHelps(): boolean {
  try {
    const gl = document.createElement("canvas").getContext("webgl2");
    if (!gl) return false;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    return !/swiftshader|llvmpipe|softpipe|software/i.test(renderer);
  } catch {
    return false;
  }
}

export class CanvasView {
  private core: Core;
  /** Drawn with Cytoscape's WebGL mode (cytoscape ≥ 3.31) rather than the 2D canvas. */
  private webgl = false;
  private filters: Filters = { hiddenSchemata: new Set(), hiddenTypes: new Set() };
  layoutName: LayoutName = "fcose";
  private runningLayout: { stop(): void } | null = null;
  /** What the canvas last drew, the entity it is centred on, the groups opened, the entities kept out of groups. */
  private model: CanvasModel | null = null;
  private focus: string | undefined;
  private readonly opened = new Set<string>();
  private keep = new Set<string>();
  /** Entity id -> the group it is drawn in. */
  private groupOf = new Map<string, string>();
  /** The model's entities at the last sync (what an expansion adds is new). */
  private known = new Set<string>();

  constructor(
    readonly container: HTMLElement,
    private readonly callbacks: CanvasCallbacks,
    private readonly renderer: RendererChoice = "auto",
  ) {
    this.core = this.create(renderer === "webgl");
  }

  /** The Cytoscape instance (a new one when the renderer switches: read it here each time, do not keep it). */
  get cy(): Core {
    return this.core;
  }

  private create(webgl: boolean, elements: ElementDefinition[] = [], viewport?: { zoom: number; pan: Position }): Core {
    const cytoscape = registerExtensions();
    this.webgl = webgl;
    this.core = cytoscape({
      container: this.container,
      style: buildStylesheet(this.detail),
      elements,
      ...viewport,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: "single",
      ...(webgl ? { renderer: { name: "canvas", webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    if (!webgl) redrawOnlyDragLayerWhileDragging(this.core);
    this.bindEvents();
    return this.core;
  }

  /**
   * "auto": WebGL past WEBGL_ELEMENTS (with hysteresis, so one element more or less does not switch back and forth),
   * the canvas below half of it. Switching rebuilds the instance with the same elements, positions and viewport.
   */
  private chooseRenderer(elements: number): void {
    if (this.renderer !== "auto") return;
    const want = this.webgl ? elements > WEBGL_ELEMENTS / 2 : elements > WEBGL_ELEMENTS && webglHelps();
    if (want === this.webgl) return;
    const cy = this.core;
    const kept = cy.elements().jsons() as unknown as ElementDefinition[];
    const viewport = { zoom: cy.zoom(), pan: cy.pan() };
    this.runningLayout?.stop();
    cy.destroy();
    this.create(want, kept, viewport);
  }

  /** Whether the WebGL renderer draws (for the benchmark and tests). */
  get usesWebgl(): boolean {
    return this.webgl;
  }

  private bindEvents(): void {
    const cy = this.cy;
    cy.on("tap", "node", (e: EventObject) => {
      const node = e.target as NodeSingular;
      if (node.data("kind") === "pager") this.callbacks.onPager(node.id());
      if (node.data("kind") === "group") void this.openGroup(node.id());
    });
    cy.on("select", "node[kind = 'entity']", (e) => this.callbacks.onSelect({ kind: "entity", id: e.target.id() }));
    cy.on("select", "edge[kind = 'relationship']", (e) => this.callbacks.onSelect({ kind: "relationship", id: e.target.id() }));
    cy.on("tap", (e) => {
      if (e.target === cy) this.callbacks.onSelect(null);
    });
    cy.on("dbltap", "node[kind = 'entity']", (e) => this.callbacks.onExpandRequest(e.target.id(), this.pagePosition(e.target)));
    cy.on("cxttap", (e) => {
      const target = e.target;
      const at = this.eventPagePosition(e);
      if (target === cy) this.callbacks.onContextMenu({ kind: "canvas", id: "" }, at);
      else if (target.isNode() && target.data("kind") === "group") void this.openGroup(target.id());
      else if (target.isNode()) {
        const kind = target.data("kind") === "pager" ? "pager" : "entity";
        // The menu acts on this element alone: whatever else was selected is unselected (select() would add to it).
        if (kind === "entity") this.select(target.id());
        this.callbacks.onContextMenu({ kind, id: target.id() }, at);
      } else if (target.data("kind") === "relationship") {
        this.select(target.id());
        this.callbacks.onContextMenu({ kind: "relationship", id: target.id() }, at);
      }
    });
    cy.on("mouseover", "node, edge", (e) => {
      e.target.addClass("hover");
      container.style.cursor = "pointer";
    });
    cy.on("mouseout", "node, edge", (e) => {
      e.target.removeClass("hover");
      container.style.cursor = "";
    });
    const container = this.container;
  }

  private eventPagePosition(e: EventObject): Position {
    const rect = this.container.getBoundingClientRect();
    const r = e.renderedPosition ?? { x: rect.width / 2, y: rect.height / 2 };
    return { x: rect.left + r.x, y: rect.top + r.y };
  }

  /** Where a node is on the page (for menus opened from the keyboard). */
  pagePosition(node: NodeSingular): Position {
    const rect = this.container.getBoundingClientRect();
    const r = node.renderedPosition();
    return { x: rect.left + r.x, y: rect.top + r.y };
  }

  /**
   * Makes the canvas show the model: removes what left it, adds what is new (next to the entity that brought it in),
   * refreshes data, then applies filters and the level of detail. Returns the ids of added nodes.
   */
  sync(model: CanvasModel): string[] {
    const cy = this.cy;
    this.model = model;
    const scene = () => modelToElements(model, { focus: this.focus, keep: this.keep, opened: this.opened });
    let wanted = scene();
    // An expansion asked for these entities: a group whose hub was already drawn and that gains members opens at once
    // (a neighbourhood loaded onto an empty canvas stays grouped).
    const grown = wanted.groups.filter((g) => this.known.has(g.hub) && g.members.some((m) => !this.known.has(m)));
    if (grown.length) {
      for (const g of grown) this.opened.add(g.id);
      wanted = scene();
    }
    this.known = new Set(model.entities.keys());
    this.chooseRenderer(wanted.length);
    this.groupOf = new Map(wanted.groups.flatMap((g) => g.members.map((m) => [m, g.id] as const)));
    const wantedIds = new Set(wanted.map((el) => el.data.id));
    // Onto an empty canvas (a network opened): styled for its size as it is added (filters refine it below).
    if (cy.elements().empty()) {
      const nodes = wanted.filter((el) => el.group === "nodes").length;
      this.setDetail(nodes, wanted.length - nodes, wanted.length);
    }
    const added: string[] = [];
    cy.batch(() => {
      cy.elements()
        .filter((el) => !wantedIds.has(el.id()))
        .remove();
      const toAdd: ElementDefinition[] = [];
      for (const el of wanted) {
        const existing = cy.getElementById(el.data.id);
        if (existing.nonempty()) {
          const data = el.data as NodeData;
          if (
            existing.data("label") !== data.label ||
            existing.data("importance") !== data.importance ||
            existing.data("focus") !== data.focus
          )
            existing.data(el.data);
          // Sanctioned, delisted and ended change with the day shown (the same ids, read as of another day).
          const classes = (el.classes ?? "").split(" ");
          for (const c of AS_OF_CLASSES) existing.toggleClass(c, classes.includes(c));
          continue;
        }
        const def: ElementDefinition = { group: el.group, data: el.data as ElementDefinition["data"], classes: el.classes };
        if (el.group === "nodes") {
          const data = el.data as NodeData;
          const anchorId = data.kind === "entity" ? model.origin.get(data.id) : data.entityId;
          const anchor = anchorId ? cy.getElementById(anchorId) : undefined;
          const base = anchor?.nonempty() ? anchor.position() : this.viewportCentre();
          def.position = { x: base.x + (Math.random() - 0.5) * 120, y: base.y + (Math.random() - 0.5) * 120 };
          added.push(data.id);
        }
        toAdd.push(def);
      }
      cy.add(toAdd);
    });
    this.applyFilters(this.filters);
    return added;
  }

  /** Opens a group: its members are drawn one by one, placed by an incremental run of the current layout. */
  async openGroup(id: string): Promise<void> {
    if (!this.model || this.opened.has(id)) return;
    this.opened.add(id);
    this.sync(this.model);
    await this.layout(this.layoutName, { incremental: true });
  }

  /** Keeps entities out of groups (a highlighted path, a selection); redraws when one of them was in a group. */
  private keepDrawn(ids: Iterable<string>): void {
    this.keep = new Set(ids);
    if (this.model && [...this.keep].some((id) => this.groupOf.has(id))) this.sync(this.model);
  }

  private viewportCentre(): Position {
    const ext = this.cy.extent();
    return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  }

  setFilters(filters: Filters): void {
    this.filters = filters;
    this.applyFilters(filters);
  }

  private applyFilters(filters: Filters): void {
    const cy = this.cy;
    const schemaOf = (id: string) => {
      const n = cy.getElementById(id);
      return n.nonempty() ? (n.data("schema") as string) || undefined : undefined;
    };
    const none = filters.hiddenSchemata.size === 0 && filters.hiddenTypes.size === 0;
    cy.batch(() => {
      if (none) {
        cy.elements(".filtered").removeClass("filtered");
        return;
      }
      const hide = cy.elements().filter((el) => isFilteredOut(el.data() as NodeData | EdgeData, filters, schemaOf));
      cy.elements(".filtered").difference(hide).removeClass("filtered");
      hide.addClass("filtered");
    });
    this.applyLevelOfDetail();
  }

  private detail: DetailLevel = FULL_DETAIL;

  /** Labels off and cheaper edges in large graphs (see level-of-detail.ts); restyles only when the level changes. */
  applyLevelOfDetail(): void {
    const cy = this.cy;
    const visible = cy.elements().not(".filtered");
    this.setDetail(visible.nodes().length, visible.edges().length, cy.elements().length);
  }

  /**
   * The level of detail for a canvas of this many visible nodes and edges and elements in all. sync calls it before
   * filling an empty canvas too, so a large graph is styled once, as it is added, not added in full detail and restyled.
   */
  private setDetail(nodes: number, edges: number, elements: number): void {
    const cy = this.cy;
    const heavy = elements > HEAVY_ELEMENTS;
    const next: DetailLevel = { ...labelPolicy(nodes, edges), fast: heavy };
    if (next.nodeLabels !== this.detail.nodeLabels || next.edgeLabels !== this.detail.edgeLabels || next.fast !== this.detail.fast) {
      this.detail = next;
      cy.style(buildStylesheet(next));
    }
    // Cytoscape's viewport options (its performance guide), read by the renderer on every frame, so they switch
    // with the graph's size; on small graphs they would only cost sharpness.
    const renderer = (
      cy as unknown as {
        renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean; forcedPixelRatio: number | null } | undefined;
      }
    ).renderer();
    if (renderer) {
      // textureOnViewport: false (default): while panning or zooming, move a snapshot of the canvas instead of
      // redrawing every element each frame.
      renderer.textureOnViewport = heavy;
      // hideEdgesOnViewport: false (default): edges are not drawn while the viewport moves or a node is dragged
      // (on drop they are); the texture above already covers panning, this keeps a node drag to nodes only.
      renderer.hideEdgesOnViewport = heavy;
      // pixelRatio: the screen's (default, e.g. 2 on a HiDPI screen: four times the pixels to fill); 1 on large
      // graphs, where the pixels drawn, not the detail, set the frame rate.
      renderer.forcedPixelRatio = heavy ? 1 : null;
      // motionBlur: false (default), left off: it blends the last frames through extra buffers, a cost per frame
      // with nothing to gain where the texture already pans.
    }
  }

  /** The current level of detail (for the benchmark and tests). */
  get detailLevel(): DetailLevel {
    return this.detail;
  }

  /** Runs a layout over the visible elements; resolves when it stops. */
  layout(
    name: LayoutName = this.layoutName,
    { incremental = false, focus }: { incremental?: boolean; focus?: string } = {},
  ): Promise<void> {
    this.layoutName = name;
    this.runningLayout?.stop();
    // A new focus changes what is prominent and what may be grouped.
    if (focus && focus !== this.focus) {
      this.focus = focus;
      if (this.model) this.sync(this.model);
    }
    const eles = this.cy.elements().not(".filtered");
    if (eles.nodes().length === 0) return Promise.resolve();
    const options = {
      ...LAYOUTS[name].options({ cy: this.cy, incremental, focus, nodeCount: eles.nodes().length, elements: eles }),
      fit: false,
    } as LayoutOptions;
    const layout = eles.layout(options);
    this.runningLayout = layout;
    return new Promise((resolve) => {
      layout.one("layoutstop", () => {
        if (this.runningLayout === layout) {
          this.runningLayout = null;
          this.fit(undefined, { animate: eles.length < 2000 });
        }
        resolve();
      });
      layout.run();
    });
  }

  /** Path highlight: path elements marked, everything else dimmed. Empty sets clear it. */
  highlight(ids: { nodes: Set<string>; edges: Set<string> }): void {
    const cy = this.cy;
    const on = ids.nodes.size > 0 || ids.edges.size > 0;
    this.keepDrawn(ids.nodes);
    cy.batch(() => {
      cy.elements().removeClass("path dimmed");
      if (!on) return;
      cy.elements().forEach((el) => {
        const id = el.id();
        const inPath = el.group() === "nodes" ? ids.nodes.has(id) : ids.edges.has(id);
        el.addClass(inPath ? "path" : "dimmed");
      });
    });
  }

  select(id: string, { center = false } = {}): boolean {
    if (this.groupOf.has(id)) this.keepDrawn([...this.keep, id]);
    const el = this.cy.getElementById(id);
    if (el.empty()) return false;
    this.cy.elements(":selected").unselect();
    el.select();
    if (center) this.cy.animate({ center: { eles: el }, duration: 250 });
    return true;
  }

  selected(): { kind: "entity" | "relationship"; id: string } | null {
    const el = this.cy.elements(":selected").first();
    if (el.empty()) return null;
    return { kind: el.isNode() ? "entity" : "relationship", id: el.id() };
  }

  selectedNode(): NodeSingular | null {
    const n = this.cy.nodes(":selected[kind = 'entity']").first();
    return n.nonempty() ? n : null;
  }

  /** Pixels on the left covered by overlays (the legend); fitting keeps the graph clear of them. */
  leftInset: () => number = () => 0;

  fit(ids?: Iterable<string>, { animate = true } = {}): void {
    let eles = this.cy.elements().not(".filtered");
    if (ids) {
      const coll = this.cy.collection();
      for (const id of ids) coll.merge(this.cy.getElementById(id));
      if (coll.nonempty()) eles = coll;
    }
    if (eles.empty()) return;
    const cy = this.cy;
    const pad = 40;
    const inset = Math.min(this.leftInset(), cy.width() / 3);
    // A large graph is fitted to its nodes: every straight edge lies between them, and an edge's box would make
    // Cytoscape compute the geometry of all 25,000 edges before the first frame.
    const bb = this.detail.fast ? eles.nodes().boundingBox({ includeLabels: false }) : eles.boundingBox({});
    const availW = Math.max(50, cy.width() - inset - 2 * pad);
    const availH = Math.max(50, cy.height() - 2 * pad);
    const zoom = Math.min(1.6, cy.maxZoom(), Math.max(cy.minZoom(), Math.min(availW / Math.max(bb.w, 1), availH / Math.max(bb.h, 1))));
    const pan = { x: inset + pad + (availW - bb.w * zoom) / 2 - bb.x1 * zoom, y: pad + (availH - bb.h * zoom) / 2 - bb.y1 * zoom };
    if (animate) cy.animate({ zoom, pan, duration: 250 });
    else cy.viewport({ zoom, pan });
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.animate({ zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }, duration: 150 });
  }

  png(): Blob {
    return this.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff", maxWidth: 8000, maxHeight: 8000 }) as unknown as Blob;
  }

  /** Moves keyboard selection to the nearest entity in a direction (arrow keys). */
  moveSelection(dx: number, dy: number): string | null {
    const current = this.selectedNode();
    const nodes = this.cy.nodes("[kind = 'entity']").not(".filtered");
    if (nodes.empty()) return null;
    if (!current) {
      const first = nodes.first();
      this.select(first.id(), { center: true });
      return first.id();
    }
    const p = current.position();
    let bestId: string | null = null;
    let bestScore = Number.POSITIVE_INFINITY;
    nodes.forEach((n) => {
      if (n.same(current)) return;
      const q = n.position();
      const vx = q.x - p.x;
      const vy = q.y - p.y;
      const along = vx * dx + vy * dy;
      if (along <= 0) return;
      const across = Math.abs(vx * dy - vy * dx);
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        bestId = n.id();
      }
    });
    if (bestId) this.select(bestId, { center: true });
    return bestId;
  }

  destroy(): void {
    this.cy.destroy();
  }
}
