import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { accounts, deliveries, events } from "@/db/schema";
import { signUpOnStorefront } from "@/server/reseller/sign-up-on-storefront";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

const FIELDS = [
  "user_type",
  "user_id",
  "user_full_name",
  "user_name",
  "mobile_number",
  "email",
  "user_city",
  "user_region",
  "user_country",
  "user_signup_timestamp",
].sort();
let n = 0;
const visitor = (slug: string) => {
  n++;
  return {
    slug,
    fullName: `Visitor ${n}`,
    username: `visitor_${Date.now().toString(36)}_${n}`,
    email: `visitor${n}_${Date.now()}@example.test`,
    mobileNumber: "919812345678",
    city: "Pune",
    region: "Maharashtra",
    country: "India",
    password: "visitor-password-1",
  };
};

/** The sign-up created an account (every visitor here uses a fresh email). */
function created<T extends { created: boolean }>(result: T): Extract<T, { created: true }> {
  expect(result.created).toBe(true);
  return result as Extract<T, { created: true }>;
}

async function reseller(slug: string, hookUrl: string | null, method: "JSON" | "GET" = "JSON") {
  const r = await createActor(h.services, { role: "reseller" });
  await r.caller.reseller.saveWhiteLabel({ brandName: `Brand ${slug}`, slug, primaryColor: "#0f766e" });
  const hook = hookUrl
    ? await insertEndpoint(h.db, r.accountId, hookUrl, {
        product: "platform",
        reportType: "signup",
        eventTypes: ["user.signup"],
        method,
        payloadFormat: "mapped",
      })
    : null;
  return { ...r, hook };
}

test("POST: the reseller's hook gets exactly the ten signup fields as a signed JSON body", async () => {
  const rec = await h.startReceiver();
  const r = await reseller("store-post", rec.url, "JSON");
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true } });
  const input = visitor("store-post");
  const user = created(await signUpOnStorefront({ db: h.db, runner }, input));
  const [acc] = await h.db.select().from(accounts).where(eq(accounts.id, user.accountId));
  expect(acc).toMatchObject({ type: "customer", resellerId: r.accountId });

  await rec.waitFor(1, 10_000);
  const req = rec.requests[0]!;
  expect(req.method).toBe("POST");
  expect(req.headers["content-type"]).toBe("application/json");
  const body = JSON.parse(req.body);
  expect(Object.keys(body).sort()).toEqual(FIELDS);
  expect(body).toMatchObject({
    user_type: "customer",
    user_id: user.userId,
    user_full_name: input.fullName,
    user_name: input.username,
    email: input.email,
    mobile_number: "919812345678",
    user_city: "Pune",
    user_region: "Maharashtra",
    user_country: "India",
  });
  expect(body.user_signup_timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(() => new Webhook(r.hook!.secret).verify(req.body, req.headers as Record<string, string>)).not.toThrow();
});

test("GET: the same ten fields as a query string", async () => {
  const rec = await h.startReceiver();
  await reseller("store-get", rec.url, "GET");
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true } });
  const user = created(await signUpOnStorefront({ db: h.db, runner }, visitor("store-get")));
  await rec.waitFor(1, 10_000);
  const req = rec.requests[0]!;
  expect(req.method).toBe("GET");
  expect(req.body).toBe("");
  const params = new URLSearchParams(req.url.slice(req.url.indexOf("?") + 1));
  expect([...params.keys()].sort()).toEqual(FIELDS);
  expect(params.get("user_id")).toBe(user.userId);
});

test("hook down: the signup still succeeds at once and the delivery is retried", async () => {
  const rec = await h.startReceiver();
  rec.respondWith({ status: 500, body: "down" });
  await reseller("store-down", rec.url);
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true, schedule: [0, 100, 100] } });
  const user = created(await signUpOnStorefront({ db: h.db, runner }, visitor("store-down")));
  expect(user.userId).toMatch(/^usr_/);
  await rec.waitFor(2, 10_000);
  rec.respondWith({ status: 200 });
  await rec.waitFor(3, 10_000);
  const [evt] = await h.db.select().from(events).where(eq(events.type, "user.signup")).orderBy(events.createdAt);
  expect(evt).toBeDefined();
});

test("signups without a hook still work; one reseller's signups never reach another's hook", async () => {
  const recA = await h.startReceiver();
  const recB = await h.startReceiver();
  const a = await reseller("store-a", recA.url);
  await reseller("store-b", recB.url);
  const noHook = await reseller("store-c", null);
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true } });
  await signUpOnStorefront({ db: h.db, runner }, visitor("store-a"));
  await signUpOnStorefront({ db: h.db, runner }, visitor("store-c"));
  await recA.waitFor(1, 10_000);
  await new Promise((r) => setTimeout(r, 300));
  expect(recA.requests).toHaveLength(1);
  expect(recB.requests).toHaveLength(0);
  expect(await h.db.select().from(deliveries).where(eq(deliveries.accountId, noHook.accountId))).toHaveLength(0);
  expect((await a.caller.reseller.customers()).map((c) => c.fullName)).toHaveLength(1);
});

test("an unknown storefront is NOT_FOUND and creates nothing", async () => {
  const noop = { enqueue: async () => {} };
  await expect(signUpOnStorefront({ db: h.db, runner: noop }, visitor("no-such-store"))).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
});
