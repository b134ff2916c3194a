import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { onTestFinished } from "vitest";

export const SCREENSHOT_DIR = path.join(process.cwd(), "tests", "e2e", "screenshots");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/**
 * A new page for the running test, closed when the test ends. When the test fails, the page as it
 * was is saved first as `screenshots/failed-<test name>.png`.
 */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  onTestFinished(async ({ task }) => {
    if (task.result?.state === "fail") {
      const name = task.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 80);
      await screenshot(page, `failed-${name}`).catch(() => undefined);
    }
    await page.close().catch(() => undefined);
  });
  return page;
}

/** Full page by default; `fullPage: false` for dialogs (an overlay covers only the viewport). */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}
