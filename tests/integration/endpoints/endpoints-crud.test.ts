import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { endpoints, wabaNumbers } from "@/db/schema";
import { MASKED_VALUE } from "@/server/endpoints/schemas";
import { decryptCustomHeaders } from "@/server/endpoints/decrypt-endpoint";
import { newId } from "@/server/lib/ids";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

const whatsappDlr = {
  url: "https://hooks.example.com/dlr",
  product: "whatsapp" as const,
  reportType: "dlr" as const,
  method: "XML" as const,
  wabaNumber: "919876543210",
  paramMap: { transaction_id: "txn" },
  customHeaders: [{ name: "X-Api-Key", value: "secret123" }],
  customParams: [{ key: "source", value: "hookline" }],
};

async function withWaba(accountId: string) {
  await h.db.insert(wabaNumbers).values({ id: newId("waba"), accountId, number: "919876543210" });
}

test("create fills defaults, returns the secret once, and stores secrets and header values encrypted", async () => {
  const a = await createActor(h.services);
  await withWaba(a.accountId);
  const { endpoint, signingSecret } = await a.caller.endpoints.create(whatsappDlr);
  expect(signingSecret).toMatch(/^whsec_/);
  expect(endpoint).toMatchObject({
    eventTypes: ["whatsapp.dlr"],
    paramMap: { transaction_id: "txn", message_id: "message_id", read_time: "read_time", status: "status" },
    customHeaders: [{ name: "X-Api-Key", value: MASKED_VALUE }],
    status: "active",
    timeoutMs: 5000,
  });
  expect(JSON.stringify(endpoint)).not.toContain("secret123");
  const [row] = await h.db.select().from(endpoints).where(eq(endpoints.id, endpoint.id));
  expect(JSON.stringify(row)).not.toContain("secret123");
  expect(JSON.stringify(row)).not.toContain(signingSecret);
  expect((await a.caller.endpoints.revealSecret({ id: endpoint.id })).secret).toBe(signingSecret);
  expect(await a.caller.endpoints.list()).toHaveLength(1);
});

test("update merges, keeps masked header values, re-validates the merged config", async () => {
  const a = await createActor(h.services);
  await withWaba(a.accountId);
  const { endpoint } = await a.caller.endpoints.create(whatsappDlr);
  const updated = await a.caller.endpoints.update({
    id: endpoint.id,
    data: {
      url: "https://hooks.example.com/v2",
      customHeaders: [
        { name: "X-Api-Key", value: MASKED_VALUE },
        { name: "X-Other", value: "two" },
      ],
    },
  });
  expect(updated.url).toBe("https://hooks.example.com/v2");
  const [row] = await h.db.select().from(endpoints).where(eq(endpoints.id, endpoint.id));
  expect(decryptCustomHeaders(row!.customHeadersEnc)).toEqual([
    { name: "X-Api-Key", value: "secret123" },
    { name: "X-Other", value: "two" },
  ]);

  // Switching to SMS while a WABA number is set is refused as a whole.
  const err = await a.caller.endpoints.update({ id: endpoint.id, data: { product: "sms" } }).catch((e) => e);
  expect(err.code).toBe("BAD_REQUEST");
  expect(err.cause.issues.map((i: { path: string[] }) => i.path.join("."))).toContain("wabaNumber");
});

test("validation: MO for SMS, reserved header, unknown WABA number, duplicate parameter names", async () => {
  const a = await createActor(h.services);
  const mo = await a.caller.endpoints
    .create({ url: "https://x.example.com", product: "sms", reportType: "mo", method: "POST" })
    .catch((e) => e);
  expect(mo.cause.issues).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ path: ["reportType"], message: "MO is not available for the SMS product" }),
    ]),
  );
  const reserved = await a.caller.endpoints
    .create({
      url: "https://x.example.com",
      product: "sms",
      reportType: "dlr",
      method: "POST",
      customHeaders: [{ name: "Content-Type", value: "text/plain" }],
    })
    .catch((e) => e);
  expect(reserved.code).toBe("BAD_REQUEST");
  expect(JSON.stringify(reserved.cause.issues)).toContain("Content-Type");
  const waba = await a.caller.endpoints.create({ ...whatsappDlr, wabaNumber: "911111111111" }).catch((e) => e);
  expect(waba.cause.issues).toEqual([
    { path: ["wabaNumber"], message: "911111111111 is not one of your WABA numbers; add it in Settings first" },
  ]);
  const dup = await a.caller.endpoints
    .create({
      url: "https://x.example.com",
      product: "sms",
      reportType: "dlr",
      method: "POST",
      paramMap: { message_id: "id", transaction_id: "id" },
    })
    .catch((e) => e);
  expect(JSON.stringify(dup.cause.issues)).toContain("used twice");
});

test("pause, resume, re-enable a disabled endpoint clears its failures; delete removes it", async () => {
  const a = await createActor(h.services);
  const { endpoint } = await a.caller.endpoints.create({
    url: "https://x.example.com",
    product: "sms",
    reportType: "dlr",
    method: "JSON",
  });
  expect((await a.caller.endpoints.setStatus({ id: endpoint.id, status: "paused" })).status).toBe("paused");
  await h.db
    .update(endpoints)
    .set({ status: "disabled", disabledReason: "Endpoint returned 410 Gone", consecutiveFailures: 7 })
    .where(eq(endpoints.id, endpoint.id));
  const back = await a.caller.endpoints.setStatus({ id: endpoint.id, status: "active" });
  expect(back).toMatchObject({ status: "active", disabledReason: null, consecutiveFailures: 0 });
  await a.caller.endpoints.delete({ id: endpoint.id });
  await expect(a.caller.endpoints.get({ id: endpoint.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
});

test("another account's endpoint is unreachable through every procedure", async () => {
  const owner = await createActor(h.services);
  const other = await createActor(h.services);
  const { endpoint } = await owner.caller.endpoints.create({
    url: "https://x.example.com",
    product: "sms",
    reportType: "dlr",
    method: "JSON",
  });
  const id = endpoint.id;
  for (const call of [
    () => other.caller.endpoints.get({ id }),
    () => other.caller.endpoints.update({ id, data: { url: "https://evil.example.com" } }),
    () => other.caller.endpoints.delete({ id }),
    () => other.caller.endpoints.test({ id }),
    () => other.caller.endpoints.rotateSecret({ id }),
    () => other.caller.endpoints.revealSecret({ id }),
    () => other.caller.endpoints.setStatus({ id, status: "paused" }),
  ]) {
    await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
  }
  expect(await other.caller.endpoints.list()).toEqual([]);
  expect((await owner.caller.endpoints.get({ id })).url).toBe("https://x.example.com");
});
