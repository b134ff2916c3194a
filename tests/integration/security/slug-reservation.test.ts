import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { slugReservations } from "@/db/schema";
import { startAppServer } from "@/tests/helpers/app-server";
import { BrowserSession } from "@/tests/helpers/browser-session";
import { setupIntegration } from "@/tests/helpers/integration";
import { createActor } from "@/tests/helpers/actors";

const h = setupIntegration();
let app: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  app = await startAppServer(h.services);
});
afterAll(async () => {
  await app?.close();
});

let n = 0;
async function reseller() {
  const u = await createActor(h.services, { role: "reseller" });
  const b = new BrowserSession(app.url, `198.51.100.${++n}`);
  await b.signIn(u.input.email, u.input.password);
  return b;
}
const store = (slug: string) => ({ brandName: "Acme SMS", slug, primaryColor: "#0f766e" });

describe("storefront slugs", () => {
  test("a released slug stays reserved for 30 days and redirects to the new one", async () => {
    const a = await reseller();
    const b = await reseller();
    expect((await a.trpc("mutation", "reseller.saveWhiteLabel", store("acme-res"))).status).toBe(200);
    const renamed = await a.trpc("mutation", "reseller.saveWhiteLabel", store("acme-res-2"));
    expect(renamed.status).toBe(200);
    const until = (renamed.data as { reservedSlug: { slug: string; until: Date } }).reservedSlug;
    expect(until.slug).toBe("acme-res");
    const days = (until.until.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const claim = await b.trpc("mutation", "reseller.saveWhiteLabel", store("acme-res"));
    expect(claim.status).toBe(409);
    expect(claim.error?.data.issues?.[0]?.message).toMatch(/reserved until/);

    const anonymous = new BrowserSession(app.url);
    expect((await anonymous.trpc("query", "storefront.movedTo", { slug: "acme-res" })).data).toEqual({
      movedTo: "acme-res-2",
    });
    expect((await anonymous.trpc("query", "storefront.get", { slug: "acme-res" })).status).toBe(404);

    // The owner may take its old slug back at any time.
    expect((await a.trpc("mutation", "reseller.saveWhiteLabel", store("acme-res"))).status).toBe(200);
    expect((await anonymous.trpc("query", "storefront.get", { slug: "acme-res" })).status).toBe(200);
  });

  test("after the reservation ends, another reseller may claim the slug", async () => {
    const a = await reseller();
    const b = await reseller();
    await a.trpc("mutation", "reseller.saveWhiteLabel", store("beta-res"));
    await a.trpc("mutation", "reseller.saveWhiteLabel", store("beta-res-2"));
    await h.db
      .update(slugReservations)
      .set({ reservedUntil: new Date(Date.now() - 1000) })
      .where(eq(slugReservations.slug, "beta-res"));
    expect((await b.trpc("mutation", "reseller.saveWhiteLabel", store("beta-res"))).status).toBe(200);
    expect((await new BrowserSession(app.url).trpc("query", "storefront.movedTo", { slug: "beta-res" })).data).toBe(
      null,
    );
  });

  test("20 resellers saving one slug at once: one wins, the others get a conflict, none a 500", async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => reseller()));
    const results = await Promise.all(all.map((b) => b.trpc("mutation", "reseller.saveWhiteLabel", store("race-res"))));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    for (const r of results) expect(r.text).not.toMatch(/insert|white_labels|duplicate key/i);
  });
});
