/**
 * Client render benchmark (not a timed test): in headless Chromium, time to draw and lay out 500, 2,000 and 5,000
 * synthetic entities with about five times as many relationships, and frames per second while panning.
 *
 *   npx tsx bench/client/render.ts [--sizes 500,2000,5000] [--layouts fcose,dagre] [--renderers auto,canvas] [--neighbourhood 150] [--json out.json]
 *
 * Then the legibility check: a neighbourhood of 150 entities (--neighbourhood; 0 skips it) opened on its hub in the
 * concentric and force-directed layouts: how many of the focus and its first ring have a label drawn at 10 px or
 * more on screen, and how many of their boxes overlap.
 * Serves bench/client/bench.html through Vite (the client's own modules, no build needed).
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createServer } from "vite";
import { projectRoot } from "../../server/paths.ts";
import { launchChromium } from "../../tests/e2e/support/browser.ts";

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

const vite = await createServer({ root: projectRoot, configFile: false, logLevel: "error", server: { port: 0, host: "127.0.0.1" } });
await vite.listen();
const address = vite.httpServer?.address();
const port = typeof address === "object" && address ? address.port : 5173;
const browser = await launchChromium();
const results = [];
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
        const result = await page.evaluate(
          ([nodes, name, r]) =>
            (window as unknown as { bench: { run(n: number, l: string, r: string): Promise<unknown> } }).bench.run(
              nodes as number,
              name as string,
              r as string,
            ),
          [n, layout, renderer] as const,
        );
        // A real mouse drag across the canvas, as an analyst pans (the renderer may use its viewport optimisations).
        await page.evaluate(() => (window as unknown as { bench: { startFrames(): void } }).bench.startFrames());
        await page.mouse.move(width / 2, height / 2);
        await page.mouse.down();
        const dragStart = Date.now();
        let step = 0;
        while (Date.now() - dragStart < 3000) {
          step++;
          const phase = (step % 120) / 120;
          await page.mouse.move(width / 2 + Math.sin(phase * 2 * Math.PI) * 300, height / 2 + Math.cos(phase * 2 * Math.PI) * 200);
          await page.waitForTimeout(8);
        }
        await page.mouse.up();
        (result as { dragFps: number }).dragFps = await page.evaluate(() =>
          (window as unknown as { bench: { stopFrames(): number } }).bench.stopFrames(),
        );
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

type Row = {
  nodes: number;
  edges: number;
  layout: string;
  drawMs: number;
  layoutMs: number;
  totalMs: number;
  panFps: number;
  dragFps: number;
  nodeLabels: boolean;
  renderer: string;
};
console.log(
  "\n| nodes | edges | layout | renderer | draw (ms) | layout (ms) | draw + layout (ms) | FPS, panBy | FPS, mouse drag | node labels |",
);
console.log("|---:|---:|---|---|---:|---:|---:|---:|---:|---|");
for (const r of results as Row[]) {
  console.log(
    `| ${r.nodes} | ${r.edges} | ${r.layout} | ${r.renderer} | ${r.drawMs} | ${r.layoutMs} | ${r.totalMs} | ${r.panFps} | ${r.dragFps} | ${r.nodeLabels ? "on" : "important only (LOD)"} |`,
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
