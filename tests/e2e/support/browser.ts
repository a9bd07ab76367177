/**
 * Debian's chromium driven by playwright-core. Never downloads a browser: if /usr/bin/chromium (or CHROMIUM_PATH)
 * is missing, fails with how to install it.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * How long a browser wait may last before it fails: a ceiling for a hang, not a budget. Every wait in the browser
 * tests follows an event (an element appears, a function becomes true), so on a busy machine they only take longer.
 */
export const BROWSER_WAIT_CEILING_MS = 300_000;

/** A page whose waits (waitFor, waitForFunction, clicks) have the ceiling above instead of Playwright's 30 s. */
export async function openPage(browser: Browser, viewport = { width: 1400, height: 860 }, { acceptDownloads = false } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads });
  page.setDefaultTimeout(BROWSER_WAIT_CEILING_MS);
  return page;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install Debian's package with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      // CHROMIUM_LOG=1 DEBUG=pw:browser shows the browser's own log, e.g. a renderer's "V8 javascript OOM".
      ...(process.env.CHROMIUM_LOG ? ["--enable-logging=stderr", "--v=0"] : []),
    ],
  });
}

/** Standard deviation of the pixels' luminance in a PNG, computed by the browser (no PNG decoder needed in Node). */
export async function pngLuminanceStdDev(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d");
    if (!ctx) return 0;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    let sq = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      sum += y;
      sq += y * y;
    }
    const mean = sum / n;
    return Math.sqrt(Math.max(0, sq / n - mean * mean));
  }, png.toString("base64"));
}
