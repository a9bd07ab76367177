/**
 * Client render benchmark (not a timed test): in headless Chromium, time to draw and lay out 500, 2,000 and 5,000
 * synthetic entities with about five times as many relationships, and frames per second while panning.
 *
 *   npx tsx bench/client/render.ts [--sizes 500,2000,5000] [--layouts fcose,dagre] [--json out.json]
 *
 * Serves bench/client/bench.html through Vite (the client's own modules, no build needed).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer } from "vite";
import { projectRoot } from "../../server/paths.ts";
import { launchChromium } from "../../tests/e2e/support/browser.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sizes = arg("sizes", "500,2000,5000").split(",").map(Number);
const layouts = arg("layouts", "fcose").split(",");
const width = 1400;
const height = 860;

const vite = await createServer({ root: projectRoot, configFile: false, logLevel: "error", server: { port: 0, host: "127.0.0.1" } });
await vite.listen();
const address = vite.httpServer?.address();
const port = typeof address === "object" && address ? address.port : 5173;
const browser = await launchChromium();
const results = [];
try {
  for (const layout of layouts) {
    for (const n of sizes) {
      // A fresh page per run, so one run's garbage does not slow the next.
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`http://127.0.0.1:${port}/bench/client/bench.html`);
      await page.waitForFunction(() => (window as unknown as { bench?: { ready: boolean } }).bench?.ready === true, undefined, {
        timeout: 60_000,
      });
      const result = await page.evaluate(
        ([nodes, name]) =>
          (window as unknown as { bench: { run(n: number, l: string): Promise<unknown> } }).bench.run(nodes as number, name as string),
        [n, layout] as const,
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
};
console.log("\n| nodes | edges | layout | draw (ms) | layout (ms) | draw + layout (ms) | FPS, panBy | FPS, mouse drag | node labels |");
console.log("|---:|---:|---|---:|---:|---:|---:|---:|---|");
for (const r of results as Row[]) {
  console.log(
    `| ${r.nodes} | ${r.edges} | ${r.layout} | ${r.drawMs} | ${r.layoutMs} | ${r.totalMs} | ${r.panFps} | ${r.dragFps} | ${r.nodeLabels ? "on" : "off (LOD)"} |`,
  );
}
const out = arg("json", "");
if (out)
  writeFileSync(
    join(process.cwd(), out),
    JSON.stringify({ date: new Date().toISOString(), viewport: { width, height }, results }, null, 2),
  );
