/**
 * The analyst tab: sign in (paste a token); create an entity, add a property value, add a sourced link, end or
 * retract a link, each with its source; save and reopen investigations (with a read-only share link); watch an
 * entity and read alerts (live, with an unread count). Refusals (no or a bad token, a weak role, bad input) are
 * shown where the write was made, in the words of describeError.
 */
import type { AlertItem, AnalystApi, InvestigationSummary, SourceFields } from "../api/analyst.ts";
import { describeError } from "../api/client.ts";
import type { Relationship } from "../api/types.ts";
import type { Session } from "../model/session.ts";
import { h } from "./dom.ts";

export interface AnalystHost {
  selectedEntity(): { id: string; name: string } | null;
  selectedRelationship(): Relationship | null;
  entityName(id: string): string;
  relationshipTypes(): { type: string; label: string }[];
  /** Schemata to offer for a new entity. */
  schemata(): string[];
  /** Selects an entity on the canvas. */
  select(id: string): void;
  /** A relationship on the canvas was ended (its new state) or retracted (null). */
  relationshipChanged(id: string, now: Relationship | null): void;
  /** The canvas as an investigation stores it. */
  currentView(): { entityIds: string[]; layout: string; filters: string };
  /** Adds entities (and the relationships among those on the canvas) to the canvas. */
  show(ids: string[]): Promise<void>;
  openInvestigation(investigation: InvestigationSummary): Promise<void>;
  /** The unread alert count changed. */
  unread(count: number): void;
}

const field = (label: string, control: HTMLElement) => h("label", { class: "block" }, label, control);

export class AnalystPanel {
  readonly element: HTMLElement;
  private readonly signInBox = h("section", { class: "analyst-section", "aria-label": "Sign in" });
  private readonly entityBox = h("section", { class: "analyst-section", "aria-label": "Entities" });
  private readonly linkBox = h("section", { class: "analyst-section", "aria-label": "Add a link" });
  private readonly changeBox = h("section", { class: "analyst-section", "aria-label": "End or retract a link" });
  private readonly investigationBox = h("section", { class: "analyst-section", "aria-label": "Investigations" });
  private readonly alertBox = h("section", { class: "analyst-section", "aria-label": "Watches and alerts" });
  private linkSource: string | null = null;
  private changing: string | null = null;
  private investigation: InvestigationSummary | null = null;
  private live: AbortController | null = null;
  private alerts: AlertItem[] = [];

  constructor(
    private readonly session: Session,
    private readonly api: AnalystApi,
    private readonly host: AnalystHost,
  ) {
    this.element = h(
      "div",
      { class: "analyst-panel" },
      this.signInBox,
      this.entityBox,
      this.linkBox,
      this.changeBox,
      this.investigationBox,
      this.alertBox,
    );
    session.onChange(() => this.refresh());
    this.refresh();
  }

  /** "Add link from here": the selected entity becomes the new link's source. */
  linkFrom(id: string): void {
    this.linkSource = id;
    this.renderLink();
    this.linkBox.querySelector<HTMLElement>("#link-target")?.focus();
  }

  /** "End or retract": the form for a relationship on the canvas. */
  changeLink(id: string): void {
    this.changing = id;
    this.renderChange();
    this.changeBox.scrollIntoView?.({ block: "nearest" });
  }

  /** Redraws every section (after sign-in or sign-out, or once the vocabulary has loaded). */
  refresh(): void {
    this.renderSignIn();
    this.renderEntity();
    this.renderLink();
    this.renderChange();
    void this.renderInvestigations();
    void this.renderAlerts();
    this.live?.abort();
    this.live = null;
    if (this.session.user) this.listen();
  }

  private status(box: HTMLElement, message: string, error = false): void {
    box.querySelector(".analyst-status")?.remove();
    box.append(h("p", { class: error ? "analyst-status error" : "analyst-status", role: "status" }, message));
  }

  /** Shows why a request failed; a refused token (expired, wrongly signed) signs out, and the sign-in box says why. */
  private fail(box: HTMLElement, error: unknown): void {
    const { title, detail, code } = describeError(error);
    if (code === "UNAUTHENTICATED") {
      if (this.session.user) this.session.signOut();
      this.status(this.signInBox, `${title}: ${detail} Paste a new token.`, true);
      return;
    }
    this.status(box, `${title}: ${detail}`, true);
  }

  /** Runs a write from a form: its outcome (or refusal) is shown in the form's section. */
  private async write(box: HTMLElement, run: () => Promise<string>): Promise<void> {
    try {
      this.status(box, await run());
    } catch (error) {
      this.fail(box, error);
    }
  }

  /** A hint shown over the write forms: who may write. */
  private roleHint(): HTMLElement[] {
    if (this.session.user?.role !== "viewer") return [];
    return [h("p", { class: "hint" }, "Your role is viewer: writes need the editor role, and the API will refuse them.")];
  }

  private renderSignIn(): void {
    const user = this.session.user;
    if (user) {
      this.signInBox.replaceChildren(
        h("h2", {}, "Signed in"),
        h("p", { "data-testid": "signed-in" }, `${user.sub} (${user.role}), until ${new Date(user.exp * 1000).toLocaleString()}`),
        h("button", { type: "button", onclick: () => this.session.signOut() }, "Sign out"),
      );
      return;
    }
    const token = h("textarea", {
      id: "token",
      rows: 3,
      placeholder: "Paste the token `npm run token -- --role editor --sub you` printed",
    });
    this.signInBox.replaceChildren(
      h("h2", {}, "Sign in"),
      h("p", { class: "hint" }, "Reading needs no sign-in; adding links, investigations and watches do."),
      field("Token", token),
      h(
        "button",
        {
          type: "button",
          class: "primary",
          onclick: () => {
            const problem = this.session.signIn(token.value);
            if (problem) this.status(this.signInBox, problem, true);
          },
        },
        "Sign in",
      ),
    );
  }

  private sourceFields(prefix: string) {
    const url = h("input", { id: `${prefix}-url`, type: "url", placeholder: "https://…" });
    const title = h("input", { id: `${prefix}-title`, type: "text", placeholder: "or a document title" });
    const publisher = h("input", { id: `${prefix}-publisher`, type: "text", required: true });
    const date = h("input", { id: `${prefix}-date`, type: "text", placeholder: "2024-03-15" });
    const excerpt = h("textarea", { id: `${prefix}-excerpt`, rows: 2, placeholder: "The passage that states it" });
    const element = h(
      "fieldset",
      { class: "source-fields" },
      h("legend", {}, "Source"),
      field("URL", url),
      field("Title", title),
      h("div", { class: "form-row" }, field("Publisher", publisher), field("Date", date)),
      field("Excerpt", excerpt),
    );
    const value = (): SourceFields => {
      const v = (el: HTMLInputElement | HTMLTextAreaElement) => el.value.trim() || undefined;
      return { url: v(url), title: v(title), publisher: publisher.value.trim(), date: v(date), excerpt: v(excerpt) };
    };
    return { element, value };
  }

  private renderEntity(): void {
    if (!this.session.user) {
      this.entityBox.replaceChildren(h("h2", {}, "Entities"), h("p", { class: "hint" }, "Sign in to create entities and add to them."));
      return;
    }
    const schema = h("select", { id: "entity-schema" }, ...this.host.schemata().map((name) => h("option", { value: name }, name)));
    const name = h("input", { id: "entity-name", type: "text", placeholder: "Name as the source gives it" });
    const created = this.sourceFields("entity-source-doc");
    const create = () =>
      this.write(this.entityBox, async () => {
        const entity = await this.api.createEntity({
          schema: schema.value,
          properties: [{ name: "name", values: [name.value.trim()] }],
          sources: [created.value()],
        });
        await this.host.show([entity.id]);
        this.host.select(entity.id);
        return `Created ${entity.name} (${entity.id}), an analyst entity.`;
      });
    const property = h("input", { id: "amend-property", type: "text", value: "alias", placeholder: "FtM property, e.g. alias" });
    const value = h("input", { id: "amend-value", type: "text", placeholder: "The value to add" });
    const amend = () =>
      this.write(this.entityBox, async () => {
        const selected = this.host.selectedEntity();
        if (!selected) throw new Error("Select an entity on the canvas first.");
        await this.api.amendEntity({
          id: selected.id,
          properties: [{ name: property.value.trim(), values: [value.value.trim()] }],
          sources: [created.value()],
        });
        this.host.select(selected.id);
        return `Added ${property.value.trim()} \u201c${value.value.trim()}\u201d to ${selected.name}.`;
      });
    this.entityBox.replaceChildren(
      h("h2", {}, "Entities"),
      ...this.roleHint(),
      h("div", { class: "form-row" }, field("Schema", schema), field("Name", name)),
      h("button", { type: "button", class: "primary", "data-testid": "create-entity", onclick: () => void create() }, "Create entity"),
      h("div", { class: "form-row" }, field("Property", property), field("Value", value)),
      h("button", { type: "button", "data-testid": "amend-entity", onclick: () => void amend() }, "Add to the selected entity"),
      created.element,
    );
  }

  private renderLink(): void {
    if (!this.session.user) {
      this.linkBox.replaceChildren(h("h2", {}, "Add a link"), h("p", { class: "hint" }, "Sign in to add links."));
      return;
    }
    const source = this.linkSource ?? this.host.selectedEntity()?.id ?? "";
    const from = h("input", { id: "link-source", type: "text", value: source, placeholder: "entity id" });
    const to = h("input", { id: "link-target", type: "text", placeholder: "entity id, e.g. ofac-52264" });
    const type = h(
      "select",
      { id: "link-type" },
      ...this.host.relationshipTypes().map((t) => h("option", { value: t.type }, `${t.type} (${t.label})`)),
    );
    const role = h("input", { id: "link-role", type: "text", placeholder: "as the source words it" });
    const sources = this.sourceFields("link-source-doc");
    const submit = () =>
      this.write(this.linkBox, async () => {
        const added = await this.api.addRelationship({
          type: type.value,
          source: from.value.trim(),
          target: to.value.trim(),
          role: role.value.trim() || undefined,
          sources: [sources.value()],
        });
        await this.host.show([from.value.trim(), to.value.trim()]);
        return `Added ${added.id}: an analyst link, drawn dashed on the canvas.`;
      });
    this.linkBox.replaceChildren(
      h("h2", {}, "Add a link"),
      ...this.roleHint(),
      h("p", { class: "hint" }, "Right-click an entity and choose \u201cAdd link from here\u201d, or type ids."),
      h("div", { class: "form-row" }, field("From", from), field("To", to)),
      h("div", { class: "form-row" }, field("Type", type), field("Role", role)),
      sources.element,
      h("button", { type: "button", class: "primary", "data-testid": "add-link", onclick: () => void submit() }, "Add link"),
    );
  }

  private renderChange(): void {
    const r = this.changing ? this.host.selectedRelationship() : null;
    if (!this.session.user || !r || r.id !== this.changing) {
      this.changeBox.replaceChildren(
        h("h2", {}, "End or retract a link"),
        h("p", { class: "hint" }, "Right-click a link on the canvas and choose \u201cEnd or retract\u2026\u201d."),
      );
      return;
    }
    const what = `${this.host.entityName(r.source.id)} \u2014${r.label}\u2192 ${this.host.entityName(r.target.id)}`;
    const endDate = h("input", { id: "end-date", type: "text", placeholder: "2024-06-30" });
    const reason = h("input", { id: "retract-reason", type: "text", placeholder: "Why it is wrong" });
    const sources = this.sourceFields("change-source-doc");
    const end = () =>
      this.write(this.changeBox, async () => {
        const ended = await this.api.endRelationship({
          id: r.id,
          entity: r.source.id,
          endDate: endDate.value.trim(),
          sources: [sources.value()],
        });
        this.host.relationshipChanged(r.id, ended);
        return `Ended ${what} on ${ended.endDate}.`;
      });
    const retract = () =>
      this.write(this.changeBox, async () => {
        await this.api.retractRelationship({ id: r.id, entity: r.source.id, reason: reason.value.trim(), sources: [sources.value()] });
        this.changing = null;
        this.host.relationshipChanged(r.id, null);
        this.renderChange();
        return `Retracted ${what}: it has left the graph's paths and stays in the audit log.`;
      });
    this.changeBox.replaceChildren(
      h("h2", {}, "End or retract a link"),
      ...this.roleHint(),
      h("p", { "data-testid": "changing" }, what, r.analyst ? " (analyst)" : " (from a list)"),
      h(
        "div",
        { class: "form-row" },
        field("End date", endDate),
        h("button", { type: "button", "data-testid": "end-link", onclick: () => void end() }, "End link"),
      ),
      r.analyst
        ? h(
            "div",
            { class: "form-row" },
            field("Reason", reason),
            h("button", { type: "button", "data-testid": "retract-link", onclick: () => void retract() }, "Retract link"),
          )
        : h("p", { class: "hint" }, "Only analyst links can be retracted; list links change with the list."),
      sources.element,
    );
  }

  private async renderInvestigations(): Promise<void> {
    if (!this.session.user) {
      this.investigationBox.replaceChildren(
        h("h2", {}, "Investigations"),
        h("p", { class: "hint" }, "Sign in to save the canvas as an investigation."),
      );
      return;
    }
    const name = h("input", { id: "investigation-name", type: "text", value: this.investigation?.name ?? "", placeholder: "Name" });
    const notes = h("textarea", { id: "investigation-notes", rows: 3 }, this.investigation?.notes ?? "");
    const list = h("ul", { class: "investigations" });
    const save = async () => {
      try {
        const view = this.host.currentView();
        this.investigation = await this.api.saveInvestigation({
          id: this.investigation?.id,
          name: name.value,
          notes: notes.value,
          ...view,
        });
        await this.renderInvestigations();
        this.status(this.investigationBox, `Saved \u201c${this.investigation.name}\u201d (${view.entityIds.length} entities).`);
      } catch (error) {
        this.fail(this.investigationBox, error);
      }
    };
    this.investigationBox.replaceChildren(
      h("h2", {}, "Investigations"),
      field("Name", name),
      field("Notes", notes),
      h(
        "div",
        { class: "form-actions" },
        h(
          "button",
          { type: "button", class: "primary", "data-testid": "save-investigation", onclick: () => void save() },
          this.investigation ? "Save" : "Save canvas",
        ),
        this.investigation && h("button", { type: "button", onclick: () => this.newInvestigation() }, "New"),
      ),
      list,
    );
    try {
      for (const inv of await this.api.investigations()) {
        const share = inv.shareToken ? `${location.origin}${location.pathname}?shared=${encodeURIComponent(inv.shareToken)}` : null;
        list.append(
          h(
            "li",
            {},
            h("button", { type: "button", class: "link", onclick: () => void this.open(inv) }, inv.name),
            ` \u00b7 ${inv.entityIds.length} entities \u00b7 `,
            share &&
              h(
                "button",
                { type: "button", class: "link share", title: share, onclick: () => void navigator.clipboard?.writeText(share) },
                "copy share link",
              ),
          ),
        );
      }
    } catch (error) {
      this.fail(this.investigationBox, error);
    }
  }

  private newInvestigation(): void {
    this.investigation = null;
    void this.renderInvestigations();
  }

  private async open(investigation: InvestigationSummary): Promise<void> {
    this.investigation = investigation;
    await this.host.openInvestigation(investigation);
    await this.renderInvestigations();
  }

  private async renderAlerts(): Promise<void> {
    if (!this.session.user) {
      this.alertBox.replaceChildren(h("h2", {}, "Watches and alerts"), h("p", { class: "hint" }, "Sign in to watch entities."));
      this.host.unread(0);
      return;
    }
    const radius = h(
      "select",
      { id: "watch-radius" },
      h("option", { value: "1" }, "1 hop"),
      h("option", { value: "2", selected: true }, "2 hops"),
      h("option", { value: "3" }, "3 hops"),
    );
    const watch = async () => {
      const selected = this.host.selectedEntity();
      if (!selected && !this.investigation)
        return this.status(this.alertBox, "Select an entity (or open an investigation) to watch.", true);
      try {
        await this.api.watch(
          selected
            ? { entity: selected.id, radius: Number(radius.value), name: selected.name }
            : { investigation: this.investigation?.id, radius: Number(radius.value), name: this.investigation?.name },
        );
        await this.renderAlerts();
        this.status(this.alertBox, `Watching ${selected?.name ?? this.investigation?.name}.`);
      } catch (error) {
        this.fail(this.alertBox, error);
      }
    };
    const list = h("ul", { class: "alerts", "data-testid": "alerts" });
    this.alertBox.replaceChildren(
      h("h2", {}, "Watches and alerts"),
      h(
        "div",
        { class: "form-row" },
        field("Radius", radius),
        h("button", { type: "button", onclick: () => void watch() }, "Watch selection"),
      ),
      h("p", { class: "watches" }),
      list,
      h(
        "button",
        {
          type: "button",
          onclick: async () => {
            await this.api.markAlertsRead();
            await this.renderAlerts();
          },
        },
        "Mark all read",
      ),
    );
    try {
      const [watches, { alerts, unreadCount }] = await Promise.all([this.api.watches(), this.api.alerts()]);
      this.alerts = alerts;
      const stop = (id: string) =>
        this.write(this.alertBox, async () => {
          await this.api.stopWatch(id);
          await this.renderAlerts();
          return "Stopped the watch.";
        });
      this.alertBox
        .querySelector(".watches")
        ?.replaceChildren(
          ...(watches.length
            ? [
                "Watching: ",
                ...watches.flatMap((w, i) => [
                  i ? ", " : "",
                  `${w.name ?? w.entity?.name ?? w.id} (${w.radius} hops) `,
                  h("button", { type: "button", class: "link stop-watch", onclick: () => void stop(w.id) }, "stop"),
                ]),
              ]
            : ["No watches yet."]),
        );
      for (const alert of alerts) list.append(this.alertItem(alert));
      this.host.unread(unreadCount);
    } catch (error) {
      this.fail(this.alertBox, error);
    }
  }

  private alertItem(alert: AlertItem): HTMLElement {
    const path = alert.path.map((step) => `${step.name}${step.via ? ` \u2014${step.via}\u2192` : ""}`).join(" ");
    return h(
      "li",
      { class: alert.read ? "alert" : "alert unread" },
      h("strong", {}, alert.kind),
      " ",
      alert.summary,
      alert.entity &&
        h(
          "button",
          { type: "button", class: "link", onclick: () => void this.host.show(alert.path.map((p) => p.id)) },
          ` show ${alert.entity.name}`,
        ),
      path && h("div", { class: "alert-path" }, path),
    );
  }

  /** Alerts over the live subscription while signed in; each one re-reads the list and the unread count. */
  private listen(): void {
    const controller = new AbortController();
    this.live = controller;
    void this.api
      .liveAlerts(() => void this.renderAlerts(), controller.signal)
      .catch(() => {
        // The stream ended (server restart, sign-out); the list stays as last read.
      });
  }
}
