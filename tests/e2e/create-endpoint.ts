import type { Page } from "playwright-core";
import { expect } from "vitest";

export type NewEndpoint = {
  /** The receiver URL; the row in the webhooks table is found by it. */
  url: string;
  description?: string;
  /** Fills the Add webhook form instead of the default (a JSON endpoint with `url` and `description`). */
  fill?: (page: Page) => Promise<void>;
};

/**
 * Add webhook form → Save → the signing secret (returned) → Done → the new webhook's page →
 * its row in the webhooks table. Leaves the page on the webhooks table.
 */
export async function createEndpoint(page: Page, base: string, endpoint: NewEndpoint): Promise<string> {
  await page.goto(`${base}/webhooks/new`);
  if (endpoint.fill) {
    await endpoint.fill(page);
  } else {
    await page.getByLabel("Webhook Server Send Method").selectOption("JSON");
    await page.getByLabel("Webhook (URL Endpoint)").fill(endpoint.url);
    if (endpoint.description) await page.getByLabel("Description", { exact: true }).fill(endpoint.description);
  }
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const secret = ((await page.getByRole("dialog").getByTestId("secret-value").textContent()) ?? "").trim();
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  await page.waitForURL(/\/webhooks\/ep_/);
  await page.goto(`${base}/webhooks`);
  await endpointRow(page, endpoint.url).waitFor();
  return secret;
}

/** The webhooks table's row for an endpoint, by its URL or description. */
export function endpointRow(page: Page, text: string) {
  return page.getByRole("row").filter({ hasText: text });
}

/** The webhooks table → the endpoint's View Details → its details page. */
export async function openEndpointDetails(page: Page, base: string, text: string) {
  if (new URL(page.url()).pathname !== "/webhooks") await page.goto(`${base}/webhooks`);
  await endpointRow(page, text)
    .getByRole("link", { name: /View Details/ })
    .click();
  await page.waitForURL(/\/webhooks\/ep_/);
}
