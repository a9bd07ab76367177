/**
 * Client render benchmark (not a timed test): in headless Chromium, the time to open 500, 2,000 and 5,000 synthetic
 * entities with about five times as many relationships as the client does (sync, layout, fit, paint), then frames
 * per second Cytoscape draws while the code pans (every frame redraws all), while the mouse pans, and while the
 * mouse drags a node at the fit's zoom and at zoom 1 (a node of the graph's median degree: bench-page.ts grabPoint;
 * the table names it with its degree, and how many drag frames redrew the whole node layer).
 *
 *   npx tsx bench/client/render.ts [--sizes 500,2000,5000] [--layouts fcose,dagre] [--renderers auto,canvas] [--neighbourhood 150] [--json out.json] [--profile DIR]
 *
 * Then the legibility check: a neighbourhood of 150 entities (--neighbourhood; 0 skips it) opened on its hub in the
 * concentric and force-directed layouts: how many of the focus and its first ring have a label drawn at 10 px or
 * more on screen, and how many of their boxes overlap.
 * Serves bench/client/bench.html through Vite (the client's own modules, no build needed).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { createServer } from "vite";
import { projectRoot } from "../../server/paths.ts";
import { launchChromium } from "../../tests/e2e/support/browser.ts";
import type { BenchResult, DragResult, Grab } from "./bench-page.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sizes = arg("sizes", "500,2000,5000").split(",").map(Number).filter(Boolean);
const neighbourhoodSize = Number(arg("neighbourhood", "150"));
const layouts = arg("layouts", "fcose").split(",");
// auto: what the client does (WebGL past WEBGL_ELEMENTS where available); canvas / webgl force one renderer.
const renderers = arg("renderers", "auto").split(",");
const width = 1400;
const height = 860;

interface BenchWindow {
  bench: {
    ready: boolean;
    run(n: number, layout: string, renderer: string): Promise<BenchResult>;
    grabPoint(zoom?: number): Promise<Grab>;
    drag(from: { x: number; y: number }, radius: number): Promise<DragResult>;
  };
}

const profileDir = arg("profile", "");
/**
 * --profile DIR: each phase (open, node-drag, mouse-pan) of each run recorded with Chromium's sampling profiler and
 * written as DIR/<nodes>-<layout>-<renderer>-<phase>.cpuprofile (open it in Chrome DevTools, Performance panel).
 */
function profiler(page: Page, run: string) {
  return async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    if (!profileDir) return work();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.start");
    const result = await work();
    const { profile } = await cdp.send("Profiler.stop");
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(resolve(profileDir, `${run}-${phase}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
    return result;
  };
}

const vite = await createServer({ root: projectRoot, configFile: false, logLevel: "error", server: { port: 0, host: "127.0.0.1" } });
await vite.listen();
const address = vite.httpServer?.address();
const port = typeof address === "object" && address ? address.port : 5173;
const browser = await launchChromium();
/** A run's figures with its drags': the node dragged at the fit (id, degree), the node-layer redraws during that drag. */
type Result = BenchResult & {
  dragMoves?: number;
  zoomedDragFps?: number;
  dragNode?: string;
  dragDegree?: number;
  dragNodeLayerFrames?: number;
};
const results: Result[] = [];
const legibility: Record<string, unknown>[] = [];
try {
  for (const layout of layouts) {
    for (const n of sizes)
      for (const renderer of renderers) {
        // A fresh page per run, so one run's garbage does not slow the next.
        const page = await browser.newPage({ viewport: { width, height } });
        await page.goto(`http://127.0.0.1:${port}/bench/client/bench.html`);
        await page.waitForFunction(() => (window as unknown as { bench?: { ready: boolean } }).bench?.ready === true, undefined, {
          timeout: 60_000,
        });
        const profile = profiler(page, `${n}-${layout}-${renderer}`);
        const result: Result = await profile("open", () =>
          page.evaluate(([nodes, name, r]) => (window as unknown as BenchWindow).bench.run(nodes, name, r), [n, layout, renderer] as const),
        );
        // Mouse drags (bench-page.ts drag: one mouse event per frame through Cytoscape's handlers). FPS counts the
        // frames Cytoscape drew (calls of its renderer's render, on screen), not the browser's animation frames. In order: the background
        // grabbed at the fit (a pan: the renderer may move a texture), a node grabbed at the fit (2 to 4 px wide
        // there), and a node grabbed at zoom 1, where an analyst can see and take one.
        // The top-left corner: inside the fit's 40 px padding, so background.
        const pan = await profile("mouse-pan", () =>
          page.evaluate(() => (window as unknown as BenchWindow).bench.drag({ x: 12, y: 12 }, 200)),
        );
        if (!pan.panned) throw new Error("The background drag did not pan the view");
        const atFit = await page.evaluate(() => (window as unknown as BenchWindow).bench.grabPoint());
        const fitDrag = await profile("node-drag-fit", () =>
          page.evaluate((at) => (window as unknown as BenchWindow).bench.drag(at, 60), atFit),
        );
        const atOne = await page.evaluate(() => (window as unknown as BenchWindow).bench.grabPoint(1));
        const zoomedDrag = await profile("node-drag-zoom1", () =>
          page.evaluate((at) => (window as unknown as BenchWindow).bench.drag(at, 60), atOne),
        );
        for (const [d, at] of [
          [fitDrag, atFit],
          [zoomedDrag, atOne],
        ] as const)
          if (d.drags === 0) throw new Error(`The node drag did not move node ${at.id} (grabbed at ${at.x},${at.y})`);
        Object.assign(result, {
          mousePanFps: pan.fps,
          dragFps: fitDrag.fps,
          dragMoves: fitDrag.moves,
          dragNode: atFit.id,
          dragDegree: atFit.degree,
          dragNodeLayerFrames: fitDrag.nodeLayerFrames,
          zoomedDragFps: zoomedDrag.fps,
        });
        console.log(JSON.stringify(result));
        results.push(result);
        await page.close();
      }
  }
  for (const layout of neighbourhoodSize ? ["concentric", "fcose"] : []) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`http://127.0.0.1:${port}/bench/client/bench.html`);
    await page.waitForFunction(() => (window as unknown as { bench?: { ready: boolean } }).bench?.ready === true, undefined, {
      timeout: 60_000,
    });
    const result = await page.evaluate(
      ([n, name]) =>
        (window as unknown as { bench: { neighbourhood(n: number, l: string): Promise<Record<string, unknown>> } }).bench.neighbourhood(
          n as number,
          name as string,
        ),
      [neighbourhoodSize, layout] as const,
    );
    console.log(JSON.stringify(result));
    legibility.push(result);
    await page.close();
  }
} finally {
  await browser.close();
  await vite.close();
}

console.log(
  "\n| nodes | edges | layout | renderer | sync (ms) | layout + paint (ms) (placed) | total (ms) | crowded nodes | FPS, panBy | FPS, mouse pan | FPS, node drag at fit (moves/s) | dragged node (degree), node-layer redraws | FPS, node drag at zoom 1 | node labels |",
);
console.log("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|");
for (const r of results) {
  console.log(
    `| ${r.nodes} | ${r.edges} | ${r.layout} | ${r.renderer} | ${r.drawMs} | ${r.layoutMs} (${r.placedMs}) | ${r.totalMs} | ${r.crowdedPct} % | ${r.panFps} | ${r.mousePanFps} | ${r.dragFps} (${r.dragMoves}) | ${r.dragNode} (${r.dragDegree}), ${r.dragNodeLayerFrames} | ${r.zoomedDragFps} | ${r.nodeLabels ? "on" : "important only (LOD)"} |`,
  );
}
if (legibility.length) {
  console.log(
    "\n| neighbourhood | layout | drawn (groups) | zoom | focus + first ring | labels >= 10 px | smallest label px | overlapping pairs | layout (ms) |",
  );
  console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of legibility)
    console.log(
      `| ${r.entities} | ${r.layout} | ${r.drawn} (${r.groups}) | ${r.zoom} | ${r.firstRing} | ${r.legible} | ${r.smallestLabelPx} | ${r.overlaps} | ${r.layoutMs} |`,
    );
}
const out = arg("json", "");
if (out)
  writeFileSync(
    resolve(process.cwd(), out),
    JSON.stringify({ date: new Date().toISOString(), viewport: { width, height }, results, legibility }, null, 2),
  );
