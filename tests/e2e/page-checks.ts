import { expect } from "vitest";
import type { Page } from "playwright-core";

/**
 * Collects the page's console errors and uncaught errors from now on; `hydrationErrors()` are the
 * ones React reports when server and browser rendered different things (#418 and friends).
 */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return {
    errors,
    hydrationErrors: () => errors.filter((e) => /hydrat|#418|#423|#425|did not match/i.test(e)),
  };
}

/** Opens the path and asserts the page is not wider than the viewport (nothing scrolls sideways). */
export async function expectFits(page: Page, base: string, path: string) {
  await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  const { scrollWidth, docWidth, innerWidth, widest } = await page.evaluate(() => {
    const vw = window.innerWidth;
    const over = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > vw + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className).slice(0, 60)}`);
    return {
      scrollWidth: document.scrollingElement!.scrollWidth,
      docWidth: document.documentElement.scrollWidth,
      innerWidth: vw,
      widest: over,
    };
  });
  expect(
    { path, scrollWidth, docWidth, widest: scrollWidth > innerWidth ? widest : [] },
    `${path} at ${innerWidth} px`,
  ).toEqual({ path, scrollWidth: innerWidth, docWidth: innerWidth, widest: [] });
}
