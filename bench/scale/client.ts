/**
 * The scale benchmark's client phase: bench/client/render.ts in headless Chromium (draw, layout and drag FPS at
 * 5,000 entities; legibility of a 150-entity neighbourhood), run once per benchmark, not per size: the client's
 * canvas does not depend on the database's size.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { run } from "./proc.ts";

export interface ClientResult {
  viewport: { width: number; height: number };
  results: {
    nodes: number;
    edges: number;
    layout: string;
    renderer: string;
    layoutMs: number;
    totalMs: number;
    panFps: number;
    mousePanFps: number;
    /** Dragging a node with the mouse, the whole graph fitted on screen, and at zoom 1. */
    dragFps: number;
    zoomedDragFps: number;
    /** The node dragged at the fit (a node of the graph's median degree) and its degree. */
    dragNode?: string;
    dragDegree?: number;
  }[];
  legibility: Record<string, unknown>[];
}

export async function clientBench(dataDir: string, nodes: number, log: (line: string) => void): Promise<ClientResult> {
  const out = join(dataDir, "client.json");
  rmSync(out, { force: true });
  const { code, stdout } = await run(["bench/client/render.ts", "--sizes", String(nodes), "--json", out], process.env, log).done;
  if (code !== 0) throw new Error(`client benchmark exited with ${code}: ${stdout.slice(-2000)}`);
  return JSON.parse(readFileSync(out, "utf8")) as ClientResult;
}
