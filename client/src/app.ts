/**
 * The application controller: owns the canvas model, talks to the API, and keeps the canvas, panels and URL in step.
 */
import type { Position } from "cytoscape";
import { AnalystApi, type InvestigationSummary } from "./api/analyst.ts";
import { GraphQLClient } from "./api/client.ts";
import { ExposureApi } from "./api/exposure.ts";
import { SanctionsApi } from "./api/queries.ts";
import type { Direction, EntitySummary, Metadata, Path, PathQuery, TypeCount } from "./api/types.ts";
import { CanvasView } from "./graph/canvas-view.ts";
import { legendCounts, pathElementIds } from "./graph/elements.ts";
import { CanvasModel, totalCount } from "./model/canvas-model.ts";
import { pathSummary, pathText } from "./model/path-text.ts";
import { Session } from "./model/session.ts";
import { DEFAULT_START, decodeViewState, encodeViewState, isBlank, type LayoutName, type ViewState } from "./model/url-state.ts";
import { AnalystPanel } from "./ui/analyst-panel.ts";
import { AsOfControl } from "./ui/as-of-control.ts";
import { ChangesView } from "./ui/changes-view.ts";
import { ContextMenu, type MenuItem } from "./ui/context-menu.ts";
import { DetailsPanel } from "./ui/details-panel.ts";
import { h } from "./ui/dom.ts";
import { download, timestamp } from "./ui/download.ts";
import { EntityList } from "./ui/entity-list.ts";
import { type ExposureActions, ExposurePanel } from "./ui/exposure-panel.ts";
import { Legend } from "./ui/legend.ts";
import { PathFinder } from "./ui/path-finder.ts";
import { ScreenPanel } from "./ui/screen-panel.ts";
import { SearchBox } from "./ui/search-box.ts";
import { StatusOverlay } from "./ui/status-overlay.ts";
import { Tabs } from "./ui/tabs.ts";
import { Toolbar } from "./ui/toolbar.ts";

export const PAGE_SIZE = 25;

export class App {
  readonly api: SanctionsApi;
  readonly model = new CanvasModel();
  readonly view: CanvasView;
  private readonly status: StatusOverlay;
  private readonly details: DetailsPanel;
  private readonly pathFinder: PathFinder;
  private readonly legend: Legend;
  private readonly entityList: EntityList;
  private readonly search: SearchBox;
  private readonly menu: ContextMenu;
  private readonly toolbar: Toolbar;
  private readonly exposure: ExposurePanel;
  private readonly tabs: Tabs<"details" | "paths" | "exposure" | "list" | "screen" | "changes" | "analyst">;
  private readonly asOf: AsOfControl;
  private readonly changes: ChangesView;
  private readonly analyst: AnalystPanel;
  private metadata: Metadata | null = null;
  private readonly hiddenSchemata = new Set<string>();
  private readonly hiddenTypes = new Set<string>();
  private path: { query: PathQuery; paths: Path[]; highlighted: number | null } | null = null;
  private layoutName: LayoutName = "fcose";
  private ready = false;

  constructor(root: HTMLElement) {
    const session = new Session();
    const client = new GraphQLClient({ token: session.bearer });
    this.api = new SanctionsApi(client);
    this.analyst = new AnalystPanel(session, new AnalystApi(client), {
      selectedEntity: () => {
        // (the panel renders before the canvas exists)
        const sel = this.view?.selected();
        const entity = sel?.kind === "entity" ? this.model.entities.get(sel.id) : undefined;
        return entity ? { id: entity.id, name: entity.name } : null;
      },
      selectedRelationship: () => {
        const sel = this.view?.selected();
        return sel?.kind === "relationship" ? (this.model.relationships.get(sel.id) ?? null) : null;
      },
      schemata: () => this.metadata?.schemata.map((s) => s.name) ?? [],
      select: (id) => this.selectKeepingTab(id),
      relationshipChanged: (id, now) => {
        if (now) this.model.relationships.set(id, now);
        else this.model.relationships.delete(id);
        void this.render();
        if (now) this.selectKeepingTab(id);
      },
      entityName: (id) => this.model.entities.get(id)?.name ?? id,
      relationshipTypes: () => this.metadata?.relationshipTypes ?? [],
      currentView: () => this.investigationView(),
      show: (ids) => this.showEntities(ids),
      openInvestigation: (investigation) => this.openInvestigation(investigation),
      unread: (count) => this.tabs?.setLabel("analyst", count ? `Analyst (${count})` : "Analyst"),
    });
    const canvasHost = h("div", {
      class: "canvas",
      id: "canvas",
      tabindex: "0",
      role: "application",
      "aria-label":
        "Network canvas. Arrow keys move between entities, Enter expands, Delete removes, C collapses, F fits, Shift+F10 opens actions.",
    });
    const canvasArea = h("div", { class: "canvas-area" }, canvasHost);
    this.status = new StatusOverlay(canvasArea);
    this.menu = new ContextMenu(document.body);
    this.details = new DetailsPanel(this.api, {
      expand: (id, types, direction) => void this.expand(id, types, direction),
      openExpandMenu: (id) => this.openExpandMenu(id),
      pathFrom: (id) => this.setPathEnd("from", id),
      pathTo: (id) => this.setPathEnd("to", id),
      collapse: (id) => this.collapse(id),
      remove: (id) => this.remove([id]),
      select: (id) => this.selectOnCanvas(id),
      open: (entity) => void this.addFromSearch(entity),
      entityName: (id) => this.model.entities.get(id)?.name ?? id,
      relationshipTypeLabel: (t) => this.typeLabel(t),
    });
    this.pathFinder = new PathFinder(this.api, {
      run: (q) => this.runPath(q),
      highlight: (i) => this.highlightPath(i),
      selectRelationship: (id) => this.selectOnCanvas(id),
      selectEntity: (id) => this.selectOnCanvas(id),
      selectedEntity: () => {
        const sel = this.view.selected();
        return sel?.kind === "entity" ? (this.model.entities.get(sel.id) ?? null) : null;
      },
      clear: () => {
        this.path = null;
        this.view.highlight({ nodes: new Set(), edges: new Set() });
        this.updateUrl();
      },
    });
    this.exposure = new ExposurePanel(new ExposureApi(this.api.client), {
      show: (paths, options) => void this.showPaths(paths, options),
      selectEntity: (id) => this.selectOnCanvas(id),
    });
    this.legend = new Legend((kind, name, visible) => this.toggleFilter(kind, name, visible));
    this.entityList = new EntityList((id) => this.selectOnCanvas(id));
    this.search = new SearchBox({
      api: this.api,
      id: "search",
      label: "Search entities",
      placeholder: "Search people, companies, vessels…  (press /)",
      onPick: (e) => void this.addFromSearch(e),
    });
    this.toolbar = new Toolbar({
      layout: (name) => void this.relayout(name),
      fit: () => this.view.fit(),
      zoom: (f) => this.view.zoomBy(f),
      exportPng: () => this.exportPng(),
      exportJson: () => this.exportJson(),
      copyLink: () => void this.copyLink(),
      reset: () => void this.openStart(),
      clear: () => this.clearCanvas(),
    });
    this.asOf = new AsOfControl((day) => void this.openState({ ...this.currentState(), at: day ?? undefined }));
    this.changes = new ChangesView(
      this.api,
      (entities) =>
        void this.addMany(
          entities.map((e) => e.id),
          "changed entities",
        ),
    );
    this.tabs = new Tabs([
      { key: "details", label: "Details", content: this.details.element },
      { key: "paths", label: "Path finder", content: this.pathFinder.element },
      { key: "exposure", label: "Exposure", content: this.exposure.element },
      { key: "list", label: "On canvas", content: this.entityList.element },
      {
        key: "screen",
        label: "Screen",
        content: new ScreenPanel(this.api, { addToCanvas: (ids) => void this.addMany(ids, "screening hits") }).element,
      },
      { key: "changes", label: "What changed", content: this.changes.element },
      { key: "analyst", label: "Analyst", content: this.analyst.element },
    ]);
    canvasArea.append(this.legend.element);
    root.replaceChildren(
      h(
        "a",
        {
          href: "#canvas",
          class: "skip-link",
          onclick: (e: Event) => {
            e.preventDefault();
            canvasHost.focus();
          },
        },
        "Skip to the canvas",
      ),
      h(
        "header",
        { class: "app-header" },
        h("h1", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), "Sanctions network"),
        this.search.element,
        this.toolbar.element,
        this.asOf.element,
      ),
      h(
        "main",
        { class: "app-main" },
        canvasArea,
        h("aside", { class: "side-panel", "aria-label": "Details and tools" }, this.tabs.element),
      ),
    );
    // Cytoscape needs its container in the document.
    this.view = new CanvasView(canvasHost, {
      onSelect: (t) => this.onSelect(t),
      onExpandRequest: (id, at) => this.openExpandMenu(id, at),
      onContextMenu: (t, at) => this.openContextMenu(t, at),
      onPager: (id) => void this.loadMore(id),
    });
    this.view.leftInset = () => {
      const legend = this.legend.element;
      return legend.offsetParent && window.innerWidth > 900 ? legend.offsetWidth + 12 : 0;
    };
    this.bindKeys(canvasHost);
    window.addEventListener("hashchange", () => {
      if (this.ownHash !== location.hash.replace(/^#/, "")) void this.openState(decodeViewState(location.hash));
    });
  }

  // ---------------------------------------------------------------- start and URL state

  async start(): Promise<void> {
    try {
      this.metadata = await this.status.loading("Connecting to the API…", () => this.api.metadata());
      this.pathFinder.setMetadata(this.metadata.relationshipTypes, this.metadata.limits);
      // The history's range, for the date control: not awaited, the view does not depend on it.
      void this.api.listHistory().then((snapshots) => {
        const dates = snapshots.map((s) => s.date);
        this.asOf.setRange(dates);
        this.changes.setRange(dates);
      });
      this.analyst.refresh();
    } catch (error) {
      this.status.error(error, () => void this.start());
      return;
    }
    const shared = new URLSearchParams(location.search).get("shared");
    if (shared) await this.openShared(shared);
    else await this.openState(decodeViewState(location.hash));
  }

  // ---------------------------------------------------------------- investigations (analyst tab)

  /** The canvas as an investigation stores it: its entities, where they are drawn, and the filters. */
  private investigationView() {
    const positions = Object.fromEntries(this.view.cy.nodes(".entity").map((n) => [n.id(), n.position()]));
    return {
      entityIds: this.model.entityIds(),
      layout: JSON.stringify({ layout: this.layoutName, positions }),
      filters: JSON.stringify({ hiddenSchemata: [...this.hiddenSchemata], hiddenTypes: [...this.hiddenTypes] }),
    };
  }

  private async openInvestigation(investigation: InvestigationSummary): Promise<void> {
    const layout = JSON.parse(investigation.layout ?? "{}") as { layout?: LayoutName; positions?: Record<string, Position> };
    const filters = JSON.parse(investigation.filters ?? "{}") as { hiddenSchemata?: string[]; hiddenTypes?: string[] };
    await this.openState({
      ...decodeViewState(""),
      entities: investigation.entityIds,
      layout: layout.layout ?? this.layoutName,
      hiddenSchemata: filters.hiddenSchemata ?? [],
      hiddenTypes: filters.hiddenTypes ?? [],
    });
    const positions = layout.positions ?? {};
    this.view.cy.batch(() => {
      for (const [id, position] of Object.entries(positions)) this.view.cy.getElementById(id).position(position);
    });
    this.view.fit(undefined, { animate: false });
    this.status.announce(`Opened the investigation \u201c${investigation.name}\u201d.`);
  }

  /** A read-only share link (`?shared=<token>`): the investigation's entities, layout and filters. */
  private async openShared(token: string): Promise<void> {
    try {
      const investigation = await new AnalystApi(this.api.client).sharedInvestigation(token);
      if (investigation) return await this.openInvestigation(investigation);
      this.status.announce("That share link leads to no investigation.");
    } catch (error) {
      this.status.error(error, () => void this.openShared(token));
      return;
    }
    await this.openState(decodeViewState(""));
  }

  /** Adds entities to the canvas with every relationship among all it shows (after an analyst adds a link). */
  private async showEntities(ids: string[]): Promise<void> {
    const subgraph = await this.api.subgraph([...new Set([...this.model.entityIds(), ...ids])]);
    this.model.addSubgraph(subgraph);
    await this.render({ layout: true, incremental: true });
  }

  private async openState(state: ViewState): Promise<void> {
    this.hiddenSchemata.clear();
    this.hiddenTypes.clear();
    for (const s of state.hiddenSchemata) this.hiddenSchemata.add(s);
    for (const t of state.hiddenTypes) this.hiddenTypes.add(t);
    this.view.setFilters({ hiddenSchemata: this.hiddenSchemata, hiddenTypes: this.hiddenTypes });
    this.layoutName = state.layout;
    this.toolbar.setLayout(state.layout);
    this.api.at = state.at ?? null;
    this.model.asOf = this.api.at;
    this.asOf.show(this.api.at);
    this.model.clear();
    this.path = null;
    try {
      if (state.entities.length) await this.restore(state.entities);
      else if (state.hood) await this.loadNeighbourhood(state.hood.id, state.hood.depth);
      else if (isBlank(state)) await this.loadNeighbourhood(DEFAULT_START.id, DEFAULT_START.depth);
      if (state.path) {
        this.pathFinder.setQuery(state.path, this.model.entities);
        this.tabs.show("paths");
        await this.pathFinder.find(state.path);
      }
      this.ready = true;
      if (state.selected && this.view.select(state.selected)) this.onSelect(this.view.selected());
      this.updateUrl();
    } catch (error) {
      this.status.error(error, () => void this.openState(state));
    }
  }

  private async loadNeighbourhood(id: string, depth: number): Promise<void> {
    const subgraph = await this.status.loading("Loading the network…", () => this.api.neighbourhood(id, depth, 150));
    this.model.addSubgraph(subgraph, id);
    await this.render({ layout: true, focus: id });
    if (subgraph.truncated) this.status.announce("The neighbourhood is larger than shown; expand entities to see more.");
    this.status.announce(`Loaded ${subgraph.nodes.length} entities and ${subgraph.edges.length} relationships.`);
  }

  private async restore(ids: string[]): Promise<void> {
    const subgraph = await this.status.loading("Reopening the view…", () => this.api.subgraph(ids));
    this.model.addSubgraph(subgraph);
    const missing = new Set(ids).size - subgraph.nodes.length;
    await this.render({ layout: true });
    if (missing > 0) this.status.announce(`${missing} entit${missing === 1 ? "y" : "ies"} from the link no longer exist.`);
  }

  private async openStart(): Promise<void> {
    this.model.clear();
    this.path = null;
    this.pathFinder.clear();
    this.details.showHint();
    this.status.hidePanel();
    try {
      await this.loadNeighbourhood(DEFAULT_START.id, DEFAULT_START.depth);
    } catch (error) {
      this.status.error(error, () => void this.openStart());
    }
  }

  private ownHash = "";

  currentState(): ViewState {
    const sel = this.view.selected();
    return {
      entities: this.model.entityIds(),
      selected: sel?.id,
      layout: this.layoutName,
      hiddenSchemata: [...this.hiddenSchemata],
      hiddenTypes: [...this.hiddenTypes],
      path: this.path?.query,
      at: this.api.at ?? undefined,
    };
  }

  private updateUrl(): void {
    if (!this.ready) return;
    const hash = encodeViewState(this.currentState());
    this.ownHash = hash;
    if (location.hash.replace(/^#/, "") !== hash) history.replaceState(null, "", `#${hash}`);
  }

  // ---------------------------------------------------------------- drawing

  private async render({
    layout = false,
    incremental = false,
    focus,
  }: {
    layout?: boolean;
    incremental?: boolean;
    focus?: string;
  } = {}): Promise<void> {
    this.view.sync(this.model);
    const counts = legendCounts(this.model);
    this.legend.render({
      ...counts,
      hiddenSchemata: this.hiddenSchemata,
      hiddenTypes: this.hiddenTypes,
      typeLabel: (t) => this.typeLabel(t),
    });
    this.entityList.render(this.model);
    if (this.path) this.applyPathHighlight();
    if (this.model.isEmpty) this.status.empty(() => void this.openStart());
    else if (!this.status.showingError) this.status.hidePanel();
    this.updateUrl();
    if (layout) await this.view.layout(this.layoutName, { incremental, focus });
  }

  private async relayout(name: LayoutName): Promise<void> {
    this.layoutName = name;
    this.toolbar.setLayout(name);
    const sel = this.view.selected();
    await this.view.layout(name, { focus: sel?.kind === "entity" ? sel.id : undefined });
    this.updateUrl();
  }

  private typeLabel(type: string): string {
    return this.metadata?.relationshipTypes.find((t) => t.type === type)?.label ?? type.toLowerCase().replace(/_/g, " ");
  }

  // ---------------------------------------------------------------- selection

  private onSelect(target: { kind: "entity" | "relationship"; id: string } | null): void {
    this.exposure.setEntity(target?.kind === "entity" ? (this.model.entities.get(target.id) ?? null) : null);
    if (!target) {
      this.details.showHint();
    } else if (target.kind === "entity") {
      void this.details.showEntity(target.id);
      if (this.tabs.current === "list") this.tabs.show("details");
    } else {
      const r = this.model.relationships.get(target.id);
      if (r) this.details.showRelationship(r);
    }
    // Tabs that work on the selection (paths, exposure, the analyst's forms) stay open; the others give way to Details.
    if (target && !["paths", "exposure", "analyst"].includes(this.tabs.current)) this.tabs.show("details");
    this.updateUrl();
  }

  /** Selects an element on the canvas (from a list or the path finder) and shows its details. */
  private selectOnCanvas(id: string): void {
    if (this.selectKeepingTab(id)) this.tabs.show("details");
  }

  /** Selects an element on the canvas and fills the details panel, without leaving the current tab. */
  private selectKeepingTab(id: string): boolean {
    if (!this.view.select(id, { center: true })) return false;
    this.onSelect(this.view.selected());
    return true;
  }

  // ---------------------------------------------------------------- adding, expanding, removing

  private async addFromSearch(entity: EntitySummary): Promise<void> {
    const isNew = !this.model.entities.has(entity.id);
    if (isNew) {
      try {
        // The entity with its links to what is already there (and any link among those not drawn yet).
        const subgraph = await this.status.loading(`Adding ${entity.name}…`, () =>
          this.api.subgraph([entity.id, ...this.model.entityIds()]),
        );
        this.model.addSubgraph(subgraph);
        if (!this.model.entities.has(entity.id)) this.model.addEntity(entity);
      } catch (error) {
        this.status.error(error, () => void this.addFromSearch(entity));
        return;
      }
      const laidOut = this.render({ layout: true, incremental: this.model.size > 1 });
      this.view.select(entity.id);
      this.onSelect(this.view.selected());
      this.tabs.show("details");
      await laidOut;
    } else this.selectOnCanvas(entity.id);
    this.status.announce(`${entity.name} is on the canvas and selected.`);
  }

  /** Puts entities (screening hits, changed entities) on the canvas with their links to what is there. */
  private async addMany(ids: string[], what: string): Promise<void> {
    try {
      const subgraph = await this.status.loading(`Adding ${ids.length} entities…`, () =>
        this.api.subgraph([...ids, ...this.model.entityIds()]),
      );
      this.model.addSubgraph(subgraph);
    } catch (error) {
      this.status.error(error, () => void this.addMany(ids, what));
      return;
    }
    await this.render({ layout: true, incremental: this.model.size > ids.length });
    this.status.announce(`${ids.length} ${what} are on the canvas.`);
  }

  async expand(id: string, types: string[], direction: Direction, first = PAGE_SIZE): Promise<void> {
    const name = this.model.entities.get(id)?.name ?? id;
    try {
      const page = await this.status.loading(`Expanding ${name}…`, () => this.api.relationships({ id, types, direction, first }));
      if (!page) throw new Error(`${name} no longer exists.`);
      const added = this.model.addRelationshipPage(id, types, direction, page);
      await this.render({ layout: true, incremental: true });
      this.status.announce(
        `Added ${added.length} entities${page.pageInfo.hasNextPage ? `; ${page.totalCount - page.edges.length} more to load` : ""}.`,
      );
    } catch (error) {
      this.status.error(error, () => void this.expand(id, types, direction, first));
    }
  }

  private async loadMore(pagerId: string, first = PAGE_SIZE): Promise<void> {
    const pager = this.model.pagers.get(pagerId);
    if (!pager) return;
    try {
      const page = await this.status.loading("Loading more…", () =>
        this.api.relationships({ id: pager.entityId, types: pager.types, direction: pager.direction, first, after: pager.after }),
      );
      if (!page) return;
      this.model.addRelationshipPage(pager.entityId, pager.types, pager.direction, page);
      await this.render({ layout: true, incremental: true });
    } catch (error) {
      this.status.error(error, () => void this.loadMore(pagerId, first));
    }
  }

  private collapse(id: string): void {
    const keep = new Set(this.path ? [this.path.query.from, this.path.query.to] : []);
    const removed = this.model.collapse(id, keep);
    void this.render();
    this.status.announce(`Collapsed: ${removed.length} entities removed.`);
  }

  private remove(ids: string[]): void {
    this.model.removeEntities(ids);
    this.details.showHint();
    void this.render();
    this.status.announce(`Removed ${ids.length} entit${ids.length === 1 ? "y" : "ies"}.`);
  }

  private clearCanvas(): void {
    this.model.clear();
    this.path = null;
    this.pathFinder.clear();
    this.details.showHint();
    void this.render();
  }

  private toggleFilter(kind: "schema" | "type", name: string, visible: boolean): void {
    const set = kind === "schema" ? this.hiddenSchemata : this.hiddenTypes;
    if (visible) set.delete(name);
    else set.add(name);
    this.view.setFilters({ hiddenSchemata: this.hiddenSchemata, hiddenTypes: this.hiddenTypes });
    this.view.fit();
    this.updateUrl();
  }

  // ---------------------------------------------------------------- menus

  private expandItems(id: string, counts: TypeCount[]): MenuItem[] {
    const onCanvas = new Map<string, number>();
    for (const r of this.model.relationships.values()) {
      if (r.source.id === id) onCanvas.set(`${r.type}|OUTGOING`, (onCanvas.get(`${r.type}|OUTGOING`) ?? 0) + 1);
      if (r.target.id === id) onCanvas.set(`${r.type}|INCOMING`, (onCanvas.get(`${r.type}|INCOMING`) ?? 0) + 1);
    }
    const total = totalCount(counts);
    const shown = [...onCanvas.values()].reduce((a, b) => a + b, 0);
    if (!total) return [{ kind: "heading", label: "No relationships" }];
    const items: MenuItem[] = [
      {
        label: "All relationships",
        detail: `${total}${shown ? ` · ${shown} shown` : ""}`,
        disabled: shown >= total,
        onSelect: () => void this.expand(id, [], "ANY"),
        testId: "expand-all",
      },
      { kind: "separator" },
    ];
    for (const c of [...counts].sort((a, b) => b.count - a.count)) {
      const here = onCanvas.get(`${c.type}|${c.direction}`) ?? 0;
      const label = c.direction === "OUTGOING" ? `${this.typeLabel(c.type)} →` : `← ${this.typeLabel(c.type)}`;
      items.push({
        label,
        detail: `${c.count}${here ? ` · ${here} shown` : ""}`,
        disabled: here >= c.count,
        onSelect: () => void this.expand(id, [c.type], c.direction),
        testId: `expand-${c.type}-${c.direction}`,
      });
    }
    return items;
  }

  openExpandMenu(id: string, at?: Position): void {
    const node = this.view.cy.getElementById(id);
    const pos = at ?? (node.nonempty() && node.isNode() ? this.view.pagePosition(node) : { x: innerWidth / 2, y: innerHeight / 2 });
    const name = this.model.entities.get(id)?.name ?? id;
    const items = this.api.relationshipCounts(id).then((e) => this.expandItems(id, e?.relationshipCounts ?? []));
    this.menu.open(pos, `Expand ${name}`, items);
  }

  private openContextMenu(target: { kind: "entity" | "relationship" | "pager" | "canvas"; id: string }, at: Position): void {
    const layouts: MenuItem[] = [
      { label: "Force-directed layout", onSelect: () => void this.relayout("fcose") },
      { label: "Hierarchical layout", onSelect: () => void this.relayout("dagre") },
      { label: "Concentric layout", onSelect: () => void this.relayout("concentric") },
    ];
    if (target.kind === "entity") {
      const id = target.id;
      const name = this.model.entities.get(id)?.name ?? id;
      this.menu.open(at, name, [
        { label: "Expand…", shortcut: "Enter", onSelect: () => this.openExpandMenu(id, at), testId: "menu-expand" },
        { label: "Collapse", detail: "remove its leaves", shortcut: "C", onSelect: () => this.collapse(id) },
        { label: "Remove", shortcut: "Del", onSelect: () => this.remove([id]) },
        { kind: "separator" },
        { label: "Path from here", onSelect: () => this.setPathEnd("from", id) },
        { label: "Path to here", onSelect: () => this.setPathEnd("to", id) },
        { label: "Avoid in paths", onSelect: () => this.setPathEnd("avoid", id) },
        { kind: "separator" },
        {
          label: "Add link from here",
          detail: "analyst",
          onSelect: () => {
            this.tabs.show("analyst");
            this.analyst.linkFrom(id);
          },
        },
        { label: "Centre its neighbourhood", detail: "concentric", onSelect: () => void this.view.layout("concentric", { focus: id }) },
        { label: "Details", onSelect: () => this.selectOnCanvas(id) },
      ]);
    } else if (target.kind === "relationship") {
      const r = this.model.relationships.get(target.id);
      if (!r) return;
      this.menu.open(at, this.typeLabel(r.type), [
        { label: "Details and sources", onSelect: () => this.selectOnCanvas(r.id) },
        {
          label: "End or retract\u2026",
          detail: "analyst",
          onSelect: () => {
            this.selectKeepingTab(r.id);
            this.tabs.show("analyst");
            this.analyst.changeLink(r.id);
          },
        },
        { label: `Select ${this.model.entities.get(r.source.id)?.name ?? "source"}`, onSelect: () => this.selectOnCanvas(r.source.id) },
        { label: `Select ${this.model.entities.get(r.target.id)?.name ?? "target"}`, onSelect: () => this.selectOnCanvas(r.target.id) },
      ]);
    } else if (target.kind === "pager") {
      const pager = this.model.pagers.get(target.id);
      if (!pager) return;
      this.menu.open(at, `${pager.remaining} more`, [
        { label: `Load ${Math.min(PAGE_SIZE, pager.remaining)} more`, onSelect: () => void this.loadMore(pager.id) },
        { label: `Load up to 200`, onSelect: () => void this.loadMore(pager.id, 200) },
        {
          label: "Dismiss",
          onSelect: () => {
            this.model.removePager(pager.id);
            void this.render();
          },
        },
      ]);
    } else {
      this.menu.open(at, "Canvas", [
        { label: "Fit to screen", shortcut: "F", onSelect: () => this.view.fit() },
        ...layouts,
        { kind: "separator" },
        { label: "Clear path highlight", disabled: !this.path, onSelect: () => this.pathFinder.clear() },
      ]);
    }
  }

  // ---------------------------------------------------------------- paths

  private setPathEnd(end: "from" | "to" | "avoid", id: string): void {
    const e = this.model.entities.get(id);
    if (!e) return;
    if (end === "from") this.pathFinder.from.set(e);
    else if (end === "to") this.pathFinder.to.set(e);
    else {
      const q = this.pathFinder.query();
      if (q) this.pathFinder.setQuery({ ...q, avoid: [...new Set([...q.avoid, id])] }, this.model.entities);
    }
    this.tabs.show("paths");
  }

  private async runPath(query: PathQuery): Promise<Path[]> {
    const paths = await this.api.paths(query);
    this.path = { query, paths, highlighted: null };
    let added = 0;
    for (const p of paths) added += this.model.addPath(p).length;
    await this.render({ layout: added > 0, incremental: this.model.size > added });
    this.applyPathHighlight();
    const ids = pathElementIds(paths);
    if (ids.nodes.size) this.view.fit(ids.nodes);
    this.status.announce(paths.length ? `Found ${paths.length} path(s). ${pathSummary(paths[0])}` : "No path found.");
    return paths;
  }

  /** Paths from the exposure tab: added to the canvas and highlighted (ownership structures in the layered layout). */
  private async showPaths(
    paths: Path[],
    { layered = false, highlight = paths }: Parameters<ExposureActions["show"]>[1] = {},
  ): Promise<void> {
    this.path = null;
    let added = 0;
    for (const p of paths) added += this.model.addPath(p).length;
    await this.render({ layout: added > 0 && !layered, incremental: this.model.size > added });
    if (layered) await this.relayout("dagre");
    this.view.highlight(pathElementIds(highlight));
    const all = pathElementIds(paths);
    if (all.nodes.size) this.view.fit(all.nodes);
  }

  private highlightPath(index: number | null): void {
    if (!this.path) return;
    this.path.highlighted = index;
    this.applyPathHighlight();
    const ids = pathElementIds(index === null ? this.path.paths : [this.path.paths[index]]);
    this.view.fit(ids.nodes);
  }

  private applyPathHighlight(): void {
    if (!this.path) return;
    const { paths, highlighted } = this.path;
    this.view.highlight(pathElementIds(highlighted === null ? paths : [paths[highlighted]]));
  }

  // ---------------------------------------------------------------- export and share

  private exportPng(): void {
    if (this.model.isEmpty) return;
    download(this.view.png(), `sanctions-network-${timestamp()}.png`);
  }

  /** The view as JSON: entities, relationships with their sources, the path query and its paths as text. */
  exportData() {
    return {
      exportedAt: new Date().toISOString(),
      url: location.href,
      view: this.currentState(),
      ...this.model.toJSON(),
      positions: Object.fromEntries(this.view.cy.nodes().map((n) => [n.id(), n.position()])),
      paths: this.path?.paths.map((p) => ({ length: p.length, summary: pathSummary(p), hops: pathText(p) })) ?? [],
    };
  }

  private exportJson(): void {
    download(new Blob([JSON.stringify(this.exportData(), null, 2)], { type: "application/json" }), `sanctions-network-${timestamp()}.json`);
  }

  private async copyLink(): Promise<void> {
    this.updateUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      this.status.announce("Link copied to the clipboard.");
      this.toast("Link copied");
    } catch {
      prompt("Copy this link:", location.href);
    }
  }

  private toast(text: string): void {
    const t = h("div", { class: "toast", role: "status" }, text);
    document.body.append(t);
    setTimeout(() => t.remove(), 1800);
  }

  // ---------------------------------------------------------------- keyboard

  private bindKeys(canvas: HTMLElement): void {
    document.addEventListener("keydown", (e) => {
      const typing =
        e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
      if (e.key === "/" && !typing) {
        e.preventDefault();
        this.search.focus();
      } else if (e.key === "Escape" && this.menu.isOpen) {
        this.menu.close();
      }
    });
    canvas.addEventListener("keydown", (e) => {
      const node = this.view.selectedNode();
      const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      if (arrows[e.key]) {
        e.preventDefault();
        const id = this.view.moveSelection(...arrows[e.key]);
        if (id) this.status.announce(this.model.entities.get(id)?.name ?? id);
      } else if (e.key === "Enter" && node) {
        e.preventDefault();
        this.openExpandMenu(node.id());
      } else if ((e.key === "Delete" || e.key === "Backspace") && node) {
        e.preventDefault();
        this.remove([node.id()]);
      } else if (e.key === "c" && node) {
        this.collapse(node.id());
      } else if (e.key === "f") {
        this.view.fit();
      } else if (e.key === "+" || e.key === "=") {
        this.view.zoomBy(1.25);
      } else if (e.key === "-") {
        this.view.zoomBy(0.8);
      } else if ((e.key === "F10" && e.shiftKey) || e.key === "ContextMenu") {
        e.preventDefault();
        const sel = this.view.selected();
        const pos = node
          ? this.view.pagePosition(node)
          : { x: canvas.getBoundingClientRect().left + 40, y: canvas.getBoundingClientRect().top + 40 };
        this.openContextMenu(sel ?? { kind: "canvas", id: "" }, pos);
      } else if (e.key === "Escape") {
        this.view.cy.elements(":selected").unselect();
        this.onSelect(null);
      }
    });
  }
}
