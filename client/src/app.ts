/**
 * The composition root: builds the panels and the canvas around the view session (model/view-session.ts) and wires
 * them to the features (features/): opening views, drawing, the selection, changes to the canvas, paths,
 * investigations, menus, keys, sharing and the URL. It holds no behaviour of its own beyond handing each part what
 * it needs; no feature imports it.
 */
import { AnalystApi } from "./api/analyst.ts";
import { GraphQLClient } from "./api/client.ts";
import { ExposureApi } from "./api/exposure.ts";
import { SanctionsApi } from "./api/queries.ts";
import type { Metadata } from "./api/types.ts";
import { CanvasEdits } from "./features/canvas-edits.ts";
import { CanvasMenus } from "./features/canvas-menus.ts";
import type { CanvasCommands, SideTab } from "./features/commands.ts";
import { Drawing } from "./features/drawing.ts";
import { Investigations } from "./features/investigations.ts";
import { bindKeys } from "./features/keyboard.ts";
import { ViewOpener } from "./features/open-view.ts";
import { PathSession, setPathEnd } from "./features/paths.ts";
import { Selection } from "./features/selection.ts";
import { copyLink, exportJson, exportPng } from "./features/share.ts";
import { UrlSync } from "./features/url-sync.ts";
import { CanvasView } from "./graph/canvas-view.ts";
import { Session } from "./model/session.ts";
import { decodeViewState, type ViewState } from "./model/url-state.ts";
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
  private readonly pathFinder: PathFinder;
  private readonly asOf: AsOfControl;
  private readonly changes: ChangesView;
  private readonly analyst: AnalystPanel;
  private readonly tabs: Tabs<SideTab>;
  private metadata: Metadata | null = null;
  // The features (features/), built once the canvas exists; the panels' callbacks reach them only when used.
  private readonly drawing: Drawing;
  private readonly url: UrlSync;
  private readonly selection: Selection;
  private readonly edits: CanvasEdits;
  private readonly opener: ViewOpener;
  private readonly investigations: Investigations;
  private readonly paths: PathSession;
  private readonly menus: CanvasMenus;

  constructor(root: HTMLElement) {
    const signIn = new Session();
    const client = new GraphQLClient({ token: signIn.bearer });
    this.api = new SanctionsApi(client);
    const analystApi = new AnalystApi(client);
    this.analyst = new AnalystPanel(signIn, analystApi, {
      // (the panel renders before the canvas and the selection exist)
      selectedEntity: () => {
        const entity = this.selection?.entity();
        return entity ? { id: entity.id, name: entity.name } : null;
      },
      selectedRelationship: () => this.selection?.relationship() ?? null,
      schemata: () => this.metadata?.schemata.map((s) => s.name) ?? [],
      select: (id) => this.selection.selectKeepingTab(id),
      relationshipChanged: (id, now) => this.edits.relationshipChanged(id, now),
      entityName: (id) => this.model.entities.get(id)?.name ?? id,
      relationshipTypes: () => this.metadata?.relationshipTypes ?? [],
      currentView: () => this.investigations.current(),
      show: (ids) => this.investigations.show(ids),
      openInvestigation: (investigation) => this.investigations.open(investigation),
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
    const menu = new ContextMenu(document.body);
    const commands = this.commands();
    const details = new DetailsPanel(this.api, {
      expand: (id, types, direction) => void commands.expand(id, types, direction),
      openExpandMenu: (id) => this.menus.openExpandMenu(id),
      pathFrom: (id) => commands.setPathEnd("from", id),
      pathTo: (id) => commands.setPathEnd("to", id),
      collapse: (id) => commands.collapse(id),
      remove: (id) => commands.remove([id]),
      select: (id) => commands.select(id),
      open: (entity) => void this.edits.addFromSearch(entity),
      entityName: (id) => this.model.entities.get(id)?.name ?? id,
      relationshipTypeLabel: (t) => this.drawing.typeLabel(t),
    });
    this.pathFinder = new PathFinder(this.api, {
      run: (q) => this.paths.run(q),
      highlight: (i) => this.paths.highlight(i),
      selectRelationship: (id) => commands.select(id),
      selectEntity: (id) => commands.select(id),
      selectedEntity: () => this.selection.entity(),
      clear: () => this.paths.clear(),
    });
    const exposure = new ExposurePanel(new ExposureApi(this.api.client), {
      show: (paths, options) => void this.paths.show(paths, options),
      selectEntity: (id) => commands.select(id),
    });
    const legend = new Legend((kind, name, visible) => {
      this.session.setFilter(kind, name, visible);
      this.view.fit();
    });
    const entityList = new EntityList((id) => commands.select(id));
    const search = new SearchBox({
      api: this.api,
      id: "search",
      label: "Search entities",
      placeholder: "Search people, companies, vessels…  (press /)",
      onPick: (e) => void this.edits.addFromSearch(e),
    });
    const toolbar = new Toolbar({
      layout: (name) => void commands.relayout(name),
      fit: () => this.view.fit(),
      zoom: (f) => this.view.zoomBy(f),
      exportPng: () => exportPng(this.session, this.view),
      exportJson: () => exportJson(this.session, this.view),
      copyLink: () => {
        this.url.update();
        void copyLink((text) => this.status.announce(text));
      },
      reset: () => void this.opener.openStart(),
      clear: () => this.opener.clear(),
    });
    this.asOf = new AsOfControl((day) => void this.opener.open({ ...this.currentState(), at: day ?? undefined }));
    this.changes = new ChangesView(
      this.api,
      (entities) =>
        void this.edits.addMany(
          entities.map((e) => e.id),
          "changed entities",
        ),
    );
    this.tabs = new Tabs<SideTab>([
      { key: "details", label: "Details", content: details.element },
      { key: "paths", label: "Path finder", content: this.pathFinder.element },
      { key: "exposure", label: "Exposure", content: exposure.element },
      { key: "list", label: "On canvas", content: entityList.element },
      {
        key: "screen",
        label: "Screen",
        content: new ScreenPanel(this.api, { addToCanvas: (ids) => void this.edits.addMany(ids, "screening hits") }).element,
      },
      { key: "changes", label: "What changed", content: this.changes.element },
      { key: "analyst", label: "Analyst", content: this.analyst.element },
    ]);
    canvasArea.append(legend.element);
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
        search.element,
        toolbar.element,
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
      onSelect: (t) => this.selection.changed(t),
      onExpandRequest: (id, at) => this.menus.openExpandMenu(id, at),
      onContextMenu: (t, at) => this.menus.open(t, at),
      onPager: (id) => void commands.loadMore(id),
    });
    this.view.leftInset = () => (legend.element.offsetParent && window.innerWidth > 900 ? legend.element.offsetWidth + 12 : 0);

    const { session, view, api, status, tabs, pathFinder } = this;
    const render = (options?: Parameters<Drawing["render"]>[0]) => this.drawing.render(options);
    this.url = new UrlSync(
      () => this.currentState(),
      (state) => void this.opener.open(state),
    );
    const updateUrl = () => this.url.update();
    this.drawing = new Drawing({
      session,
      view,
      legend,
      entityList,
      status,
      toolbar,
      metadata: () => this.metadata,
      applyHighlight: () => this.paths.applyHighlight(),
      updateUrl,
      openStart: () => void this.opener.openStart(),
    });
    this.selection = new Selection({ session, view, details, exposure, tabs, updateUrl });
    this.edits = new CanvasEdits({ session, api, status, selection: this.selection, details, tabs, render });
    this.opener = new ViewOpener({
      session,
      view,
      api,
      status,
      toolbar,
      asOf: this.asOf,
      pathFinder,
      details,
      tabs,
      selection: this.selection,
      url: this.url,
      render,
    });
    this.investigations = new Investigations({
      session,
      view,
      api,
      analystApi,
      status,
      open: (state) => this.opener.open(state),
      render,
    });
    this.paths = new PathSession({
      session,
      view,
      api,
      render,
      relayout: (name) => this.drawing.relayout(name),
      announce: (text) => status.announce(text),
    });
    this.menus = new CanvasMenus(session, view, api, menu, commands, (t) => this.drawing.typeLabel(t));
    bindKeys(canvasHost, {
      session,
      view,
      menu,
      menus: this.menus,
      commands,
      focusSearch: () => search.focus(),
      announce: (text) => status.announce(text),
    });
    // Filters redraw the canvas; every change of the view state goes to the URL.
    session.subscribe((change) => {
      if (change === "filters") view.setFilters({ hiddenSchemata: session.hiddenSchemata, hiddenTypes: session.hiddenTypes });
      this.url.update();
    });
  }

  /** Loads the API's metadata for the panels, then opens the shared investigation or the view the URL names. */
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
    if (shared) await this.investigations.openShared(shared);
    else await this.opener.open(decodeViewState(location.hash));
  }

  /** The view as the URL, the JSON export and the date control read it. */
  currentState(): ViewState {
    return this.session.state(this.view.selected()?.id);
  }

  /** What menus, keys and panels may ask (features/commands.ts), each handed to the feature that does it. */
  private commands(): CanvasCommands {
    return {
      expand: (id, types, direction, first) => this.edits.expand(id, types, direction, first),
      loadMore: (id, first) => this.edits.loadMore(id, first),
      collapse: (id) => this.edits.collapse(id),
      remove: (ids) => this.edits.remove(ids),
      select: (id) => this.selection.show(id),
      deselect: () => this.selection.clear(),
      relayout: (name) => this.drawing.relayout(name),
      setPathEnd: (end, id) => {
        if (setPathEnd(this.pathFinder, this.model, end, id)) this.tabs.show("paths");
      },
      clearPath: () => this.pathFinder.clear(),
      linkFrom: (id) => {
        this.tabs.show("analyst");
        this.analyst.linkFrom(id);
      },
      changeLink: (id) => {
        this.selection.selectKeepingTab(id);
        this.tabs.show("analyst");
        this.analyst.changeLink(id);
      },
      render: () => void this.drawing.render(),
    };
  }
}
