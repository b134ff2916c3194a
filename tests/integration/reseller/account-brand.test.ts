import { expect, test } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { getAccountBrand } from "@/server/white-label/get-account-brand";
import { saveWhiteLabel } from "@/server/white-label/save-white-label";
import { whiteLabelInputSchema } from "@/server/white-label/schemas";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

const asActor = (u: { userId: string; accountId: string }, role: Actor["role"]): Actor => ({ ...u, role });

test("a customer who signed up under a reseller wears its brand; direct customers and resellers wear Hookline's", async () => {
  const reseller = asActor(await createActor(h.services, { role: "reseller" }), "reseller");
  const slug = `acme-${Date.now().toString(36)}`;
  await saveWhiteLabel(
    { db: h.db, actor: reseller },
    whiteLabelInputSchema.parse({
      brandName: "Acme SMS",
      slug,
      logoUrl: "",
      primaryColor: "#0f766e",
      supportEmail: "help@acme.test",
    }),
  );
  const customer = asActor(await createActor(h.services, { resellerId: reseller.accountId }), "customer");
  expect(await getAccountBrand({ db: h.db, actor: customer })).toEqual({
    slug,
    brandName: "Acme SMS",
    logoUrl: null,
    primaryColor: "#0f766e",
    supportEmail: "help@acme.test",
  });
  expect(await getAccountBrand({ db: h.db, actor: asActor(await createActor(h.services), "customer") })).toBeNull();
  expect(await getAccountBrand({ db: h.db, actor: reseller })).toBeNull();
  // A reseller without a storefront: no brand to wear.
  const bare = asActor(await createActor(h.services, { role: "reseller" }), "reseller");
  const theirs = asActor(await createActor(h.services, { resellerId: bare.accountId }), "customer");
  expect(await getAccountBrand({ db: h.db, actor: theirs })).toBeNull();
});
