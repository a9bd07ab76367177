/**
 * The URL follows the view: every change of the view state is written to the hash (replacing, not pushing, history
 * entries), and a hash the user changes (back, an edited address) opens that view.
 */
import { decodeViewState, encodeViewState, type ViewState } from "../model/url-state.ts";

export class UrlSync {
  /** False until the first view is open: the half-built view before it is no state to share. */
  private ready = false;
  /** The hash this page wrote last, so that its own writes are not taken for the user's. */
  private ownHash = "";

  constructor(
    private readonly state: () => ViewState,
    open: (state: ViewState) => void,
  ) {
    window.addEventListener("hashchange", () => {
      if (this.ownHash !== location.hash.replace(/^#/, "")) open(decodeViewState(location.hash));
    });
  }

  /** The first view is open: from now on the URL follows it. */
  start(): void {
    this.ready = true;
  }

  update(): void {
    if (!this.ready) return;
    const hash = encodeViewState(this.state());
    this.ownHash = hash;
    if (location.hash.replace(/^#/, "") !== hash) history.replaceState(null, "", `#${hash}`);
  }
}
