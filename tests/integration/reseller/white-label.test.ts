import { expect, test } from "vitest";
import { getStorefront } from "@/server/white-label/get-storefront";
import { setupIntegration } from "@/tests/helpers/integration";
import { createActor } from "@/tests/helpers/actors";

const h = setupIntegration();

const brand = {
  brandName: "Acme SMS",
  slug: "acme-wl",
  logoUrl: "",
  primaryColor: "#0f766e",
  supportEmail: "help@acme.test",
};

test("a reseller saves its storefront, and the public storefront reads it by slug", async () => {
  const r = await createActor(h.services, { role: "reseller" });
  expect(await r.caller.reseller.whiteLabel()).toBeNull();
  const saved = await r.caller.reseller.saveWhiteLabel(brand);
  expect(saved).toMatchObject({ slug: "acme-wl", logoUrl: null, supportEmail: "help@acme.test" });
  const again = await r.caller.reseller.saveWhiteLabel({ ...brand, brandName: "Acme Two", slug: "ACME-WL" });
  expect(again.id).toBe(saved.id);
  const store = await getStorefront({ db: h.db }, { slug: "acme-wl" });
  expect(store).toMatchObject({ resellerId: r.accountId, brandName: "Acme Two" });
});

test("slugs are unique across resellers, with the issue on the slug field", async () => {
  const a = await createActor(h.services, { role: "reseller" });
  const b = await createActor(h.services, { role: "reseller" });
  await a.caller.reseller.saveWhiteLabel({ ...brand, slug: "taken-slug" });
  const err = await b.caller.reseller.saveWhiteLabel({ ...brand, slug: "taken-slug" }).catch((e) => e);
  expect(err.code).toBe("CONFLICT");
  expect(err.cause.issues).toEqual([{ path: ["slug"], message: "This slug is taken by another storefront" }]);
});

test("bad input is refused field by field", async () => {
  const r = await createActor(h.services, { role: "reseller" });
  const err = await r.caller.reseller
    .saveWhiteLabel({
      brandName: "A",
      slug: "-bad slug",
      logoUrl: "javascript:alert(1)",
      primaryColor: "red",
      supportEmail: "nope",
    })
    .catch((e) => e);
  expect(err.code).toBe("BAD_REQUEST");
  const paths = (err.cause.issues as { path: string[] }[]).map((i) => i.path.join("."));
  expect(paths).toEqual(expect.arrayContaining(["brandName", "slug", "logoUrl", "primaryColor", "supportEmail"]));
});

test("customers cannot read or save white-label settings; unknown slugs are NOT_FOUND", async () => {
  const c = await createActor(h.services);
  await expect(c.caller.reseller.whiteLabel()).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(c.caller.reseller.saveWhiteLabel(brand)).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(getStorefront({ db: h.db }, { slug: "no-such-store" })).rejects.toMatchObject({ code: "NOT_FOUND" });
});
