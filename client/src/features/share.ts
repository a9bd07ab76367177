/** Export and share: the canvas as PNG, the view as JSON (with sources and paths), the link to the view. */
import type { CanvasView } from "../graph/canvas-view.ts";
import { pathSummary, pathText } from "../model/path-text.ts";
import type { ViewSession } from "../model/view-session.ts";
import { h } from "../ui/dom.ts";
import { download, timestamp } from "../ui/download.ts";

export function exportPng(session: ViewSession, view: CanvasView): void {
  if (session.model.isEmpty) return;
  download(view.png(), `sanctions-network-${timestamp()}.png`);
}

/** The view as JSON: entities, relationships with their sources, the path query and its paths as text. */
export function exportData(session: ViewSession, view: CanvasView) {
  return {
    exportedAt: new Date().toISOString(),
    url: location.href,
    view: session.state(view.selected()?.id),
    ...session.model.toJSON(),
    positions: Object.fromEntries(view.cy.nodes().map((n) => [n.id(), n.position()])),
    paths: session.path?.paths.map((p) => ({ length: p.length, summary: pathSummary(p), hops: pathText(p) })) ?? [],
  };
}

export function exportJson(session: ViewSession, view: CanvasView): void {
  const json = JSON.stringify(exportData(session, view), null, 2);
  download(new Blob([json], { type: "application/json" }), `sanctions-network-${timestamp()}.json`);
}

/** Copies the view's link (the URL is current: the caller has just written it). */
export async function copyLink(announce: (text: string) => void): Promise<void> {
  try {
    await navigator.clipboard.writeText(location.href);
    announce("Link copied to the clipboard.");
    toast("Link copied");
  } catch {
    prompt("Copy this link:", location.href);
  }
}

function toast(text: string): void {
  const t = h("div", { class: "toast", role: "status" }, text);
  document.body.append(t);
  setTimeout(() => t.remove(), 1800);
}
