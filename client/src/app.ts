/**
 * The composition root: builds the panels and the canvas around the view session (model/view-session.ts), opens
 * views (a link, the start network, an investigation), runs what menus and keys ask (features/commands.ts) and keeps
 * the URL in step.
 */
import type { Position } from "cytoscape";
import { AnalystApi, type InvestigationSummary } from "./api/analyst.ts";
import { GraphQLClient } from "./api/client.ts";
import { ExposureApi } from "./api/exposure.ts";
import { SanctionsApi } from "./api/queries.ts";
import type { Direction, EntitySummary, Metadata } from "./api/types.ts";
import { CanvasMenus } from "./features/canvas-menus.ts";
import { type CanvasCommands, PAGE_SIZE } from "./features/commands.ts";
import { bindKeys } from "./features/keyboard.ts";
import { PathSession } from "./features/paths.ts";
import { copyLink, exportJson, exportPng } from "./features/share.ts";
import { CanvasView } from "./graph/canvas-view.ts";
import { legendCounts } from "./graph/elements.ts";
import { Session } from "./model/session.ts";
import { DEFAULT_START, decodeViewState, encodeViewState, isBlank, type LayoutName, type ViewState } from "./model/url-state.ts";
import { ViewSession } from "./model/view-session.ts";
import { AnalystPanel } from "./ui/analyst-panel.ts";
import { AsOfControl } from "./ui/as-of-control.ts";
import { ChangesView } from "./ui/changes-view.ts";
import { ContextMenu } from "./ui/context-menu.ts";
import { DetailsPanel } from "./ui/details-panel.ts";
import { h } from "./ui/dom.ts";
import { EntityList } from "./ui/entity-list.ts";
import { ExposurePanel } from "./ui/exposure-panel.ts";
import { Legend } from "./ui/legend.ts";
import { PathFinder } from "./ui/path-finder.ts";
import { ScreenPanel } from "./ui/screen-panel.ts";
import { SearchBox } from "./ui/search-box.ts";
import { StatusOverlay } from "./ui/status-overlay.ts";
import { Tabs } from "./ui/tabs.ts";
import { Toolbar } from "./ui/toolbar.ts";

export class App {
  readonly api: SanctionsApi;
  /** The view's one owner: the canvas model, filters, layout, paths and day (model/view-session.ts). */
  readonly session = new ViewSession();
  readonly model = this.session.model;
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
  private readonly menus: CanvasMenus;
  private readonly paths: PathSession;
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
      openExpandMenu: (id) => this.menus.openExpandMenu(id),
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
      run: (q) => this.paths.run(q),
      highlight: (i) => this.paths.highlight(i),
      selectRelationship: (id) => this.selectOnCanvas(id),
      selectEntity: (id) => this.selectOnCanvas(id),
      selectedEntity: () => {
        const sel = this.view.selected();
        return sel?.kind === "entity" ? (this.model.entities.get(sel.id) ?? null) : null;
      },
      clear: () => this.paths.clear(),
    });
    this.exposure = new ExposurePanel(new ExposureApi(this.api.client), {
      show: (paths, options) => void this.paths.show(paths, options),
      selectEntity: (id) => this.selectOnCanvas(id),
    });
    this.legend = new Legend((kind, name, visible) => {
      this.session.setFilter(kind, name, visible);
      this.view.fit();
    });
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
      exportPng: () => exportPng(this.session, this.view),
      exportJson: () => exportJson(this.session, this.view),
      copyLink: () => {
        this.updateUrl();
        void copyLink((text) => this.status.announce(text));
      },
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
      onExpandRequest: (id, at) => this.menus.openExpandMenu(id, at),
      onContextMenu: (t, at) => this.menus.open(t, at),
      onPager: (id) => void this.loadMore(id),
    });
    this.view.leftInset = () => {
      const legend = this.legend.element;
      return legend.offsetParent && window.innerWidth > 900 ? legend.offsetWidth + 12 : 0;
    };
    this.paths = new PathSession({
      session: this.session,
      view: this.view,
      api: this.api,
      render: (options) => this.render(options),
      relayout: (name) => this.relayout(name),
      announce: (text) => this.status.announce(text),
    });
    this.menus = new CanvasMenus(this.session, this.view, this.api, this.menu, this.commands(), (t) => this.typeLabel(t));
    bindKeys(canvasHost, {
      session: this.session,
      view: this.view,
      menu: this.menu,
      menus: this.menus,
      commands: this.commands(),
      focusSearch: () => this.search.focus(),
      announce: (text) => this.status.announce(text),
    });
    // Filters redraw the canvas; every change of the view state goes to the URL.
    this.session.subscribe((change) => {
      if (change === "filters")
        this.view.setFilters({ hiddenSchemata: this.session.hiddenSchemata, hiddenTypes: this.session.hiddenTypes });
      this.updateUrl();
    });
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
      layout: JSON.stringify({ layout: this.session.layout, positions }),
      filters: JSON.stringify({ hiddenSchemata: [...this.session.hiddenSchemata], hiddenTypes: [...this.session.hiddenTypes] }),
    };
  }

  private async openInvestigation(investigation: InvestigationSummary): Promise<void> {
    const layout = JSON.parse(investigation.layout ?? "{}") as { layout?: LayoutName; positions?: Record<string, Position> };
    const filters = JSON.parse(investigation.filters ?? "{}") as { hiddenSchemata?: string[]; hiddenTypes?: string[] };
    await this.openState({
      ...decodeViewState(""),
      entities: investigation.entityIds,
      layout: layout.layout ?? this.session.layout,
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
    this.session.setFilters(state.hiddenSchemata, state.hiddenTypes);
    this.session.setLayout(state.layout);
    this.toolbar.setLayout(state.layout);
    this.api.at = state.at ?? null;
    this.session.setAt(this.api.at);
    this.asOf.show(this.api.at);
    this.session.clear();
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
    this.session.clear();
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
    return this.session.state(this.view.selected()?.id);
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
      hiddenSchemata: this.session.hiddenSchemata,
      hiddenTypes: this.session.hiddenTypes,
      typeLabel: (t) => this.typeLabel(t),
    });
    this.entityList.render(this.model);
    this.paths.applyHighlight();
    if (this.model.isEmpty) this.status.empty(() => void this.openStart());
    else if (!this.status.showingError) this.status.hidePanel();
    this.updateUrl();
    if (layout) await this.view.layout(this.session.layout, { incremental, focus });
  }

  private async relayout(name: LayoutName): Promise<void> {
    this.session.setLayout(name);
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
    const path = this.session.path;
    const keep = new Set(path ? [path.query.from, path.query.to] : []);
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
    this.session.clear();
    this.pathFinder.clear();
    this.details.showHint();
    void this.render();
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

  // ---------------------------------------------------------------- what menus and keys may ask

  private commands(): CanvasCommands {
    return {
      expand: (id, types, direction, first) => this.expand(id, types, direction, first),
      loadMore: (id, first) => this.loadMore(id, first),
      collapse: (id) => this.collapse(id),
      remove: (ids) => this.remove(ids),
      select: (id) => this.selectOnCanvas(id),
      deselect: () => {
        this.view.cy.elements(":selected").unselect();
        this.onSelect(null);
      },
      relayout: (name) => this.relayout(name),
      setPathEnd: (end, id) => this.setPathEnd(end, id),
      clearPath: () => this.pathFinder.clear(),
      linkFrom: (id) => {
        this.tabs.show("analyst");
        this.analyst.linkFrom(id);
      },
      changeLink: (id) => {
        this.selectKeepingTab(id);
        this.tabs.show("analyst");
        this.analyst.changeLink(id);
      },
      render: () => void this.render(),
    };
  }
}
