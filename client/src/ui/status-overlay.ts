/**
 * Loading, empty and error states over the canvas, and a polite live region for announcements. An error always
 * comes with what went wrong, the API's code and a Retry button: never a blank page.
 */
import { describeError } from "../api/client.ts";
import { h } from "./dom.ts";

export class StatusOverlay {
  readonly element: HTMLElement;
  private readonly live: HTMLElement;
  private loadingCount = 0;
  private readonly spinner: HTMLElement;
  private readonly spinnerText: HTMLElement;
  private panel: HTMLElement | null = null;

  constructor(host: HTMLElement) {
    this.spinnerText = h("span", {}, "Loading…");
    this.spinner = h(
      "div",
      { class: "loading-indicator", role: "status", hidden: true },
      h("span", { class: "spinner", "aria-hidden": "true" }),
      this.spinnerText,
    );
    this.live = h("div", { class: "sr-only", "aria-live": "polite", role: "log" });
    this.element = h("div", { class: "status-layer" }, this.spinner, this.live);
    host.append(this.element);
  }

  /** Shows a spinner while `work` runs. */
  async loading<T>(message: string, work: () => Promise<T>): Promise<T> {
    this.loadingCount++;
    this.spinnerText.textContent = message;
    this.spinner.hidden = false;
    document.body.setAttribute("aria-busy", "true");
    try {
      return await work();
    } finally {
      this.loadingCount--;
      if (this.loadingCount === 0) {
        this.spinner.hidden = true;
        document.body.removeAttribute("aria-busy");
      }
    }
  }

  announce(message: string): void {
    this.live.textContent = message;
  }

  error(error: unknown, retry?: () => void): void {
    const { title, detail, code } = describeError(error);
    this.showPanel(
      "error",
      h("h2", {}, title),
      h("p", {}, detail),
      h("p", { class: "muted" }, `Code: ${code}`),
      retry &&
        h(
          "button",
          {
            class: "primary",
            type: "button",
            onclick: () => {
              this.hidePanel();
              retry();
            },
          },
          "Retry",
        ),
    );
    this.announce(`${title}. ${detail}`);
  }

  empty(onStart: () => void): void {
    this.showPanel(
      "empty",
      h("h2", {}, "Nothing on the canvas"),
      h("p", {}, "Search for a person, company or vessel above (press / to focus the search), or open the Department 53 network."),
      h("button", { class: "primary", type: "button", onclick: onStart }, "Open the Department 53 network"),
    );
  }

  hidePanel(): void {
    this.panel?.remove();
    this.panel = null;
  }

  private showPanel(kind: "error" | "empty", ...children: (Node | false | undefined)[]): void {
    this.hidePanel();
    this.panel = h("div", { class: `status-panel ${kind}`, role: kind === "error" ? "alert" : "note" }, ...children);
    this.element.append(this.panel);
    this.panel.querySelector<HTMLButtonElement>("button")?.focus({ preventScroll: true });
  }

  get showingError(): boolean {
    return this.panel?.classList.contains("error") ?? false;
  }
}
