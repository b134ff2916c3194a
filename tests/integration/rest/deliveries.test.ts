import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as retryRoute from "@/app/api/v1/deliveries/[id]/retry/route";
import * as itemRoute from "@/app/api/v1/deliveries/[id]/route";
import * as listRoute from "@/app/api/v1/deliveries/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import { deliveries, deliveryAttempts } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { sampleEvent } from "@/server/events/catalog";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { restClient } from "@/tests/helpers/rest-client";
import { until } from "@/tests/helpers/wait-until";

const h = setupIntegration({
  receiver: (req) =>
    req.url.startsWith("/failing") ? { status: 500, body: "database is down" } : { status: 200, body: "ok" },
  // One attempt per delivery, so a failure is final at once and a retry is the only way on.
  runner: { idlePollMs: 50, attempt: { schedule: [0], allowPrivateNetworks: true } },
});
const { call } = restClient(() => h.services);
let me: { accountId: string; key: string };
let other: { accountId: string; key: string };
let failingEndpointId: string;
let okEndpointId: string;

const list = (key: string, query = "") => call(listRoute.GET, "GET", {}, { key, path: `/api/v1/deliveries${query}` });
const get = (key: string, id: string) => call(itemRoute.GET, "GET", { id }, { key, path: `/api/v1/deliveries/${id}` });
const retry = (key: string, id: string) =>
  call(retryRoute.POST, "POST", { id }, { key, path: `/api/v1/deliveries/${id}/retry` });

const deliveryRow = async (id: string) => (await h.db.select().from(deliveries).where(eq(deliveries.id, id)))[0]!;

beforeAll(async () => {
  const receiver = h.receiver;
  for (const who of ["me", "other"] as const) {
    const actor = await createActor(h.services);
    const { key } = await createApiKey({ db: h.db, actor: actor.actor }, { name: who });
    if (who === "me") me = { accountId: actor.accountId, key };
    else other = { accountId: actor.accountId, key };
  }
  failingEndpointId = (await insertEndpoint(h.db, me.accountId, `${receiver.url}/failing`)).id;
  okEndpointId = (await insertEndpoint(h.db, me.accountId, `${receiver.url}/ok`, { eventTypes: ["sms.dlr", "sms.mo"] }))
    .id;
  await insertEndpoint(h.db, other.accountId, `${receiver.url}/other`);

  // Through the public API, as a customer would: 2 × sms.dlr (→ both endpoints) + 1 × sms.mo (→ ok).
  const posted = await call(
    eventsRoute.POST,
    "POST",
    {},
    {
      key: me.key,
      path: "/api/v1/events",
      json: { events: [sampleEvent("sms.dlr"), sampleEvent("sms.mo"), sampleEvent("sms.dlr")] },
    },
  );
  expect(posted.status).toBe(202);
  await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.accountId, me.accountId)),
    (rows) => rows.length === 5 && rows.every((d) => d.status === "succeeded" || d.status === "failed"),
  );
});

describe("GET /api/v1/deliveries", () => {
  test("newest first, with filters by endpoint and status", async () => {
    const all = await list(me.key);
    expect(all.status).toBe(200);
    expect(all.data.data).toHaveLength(5);
    expect(all.data.nextCursor).toBeNull();
    const ids = all.data.data.map((d: { id: string }) => d.id);
    expect(ids).toEqual([...ids].sort().reverse());

    const failed = await list(me.key, "?status=failed");
    expect(failed.data.data).toHaveLength(2);
    expect(failed.data.data[0]).toMatchObject({
      endpointId: failingEndpointId,
      status: "failed",
      attempts: 1,
      lastStatusCode: 500,
      eventType: "sms.dlr",
    });

    const ok = await list(me.key, `?endpointId=${okEndpointId}&status=succeeded`);
    expect(ok.data.data.map((d: { eventType: string }) => d.eventType).sort()).toEqual([
      "sms.dlr",
      "sms.dlr",
      "sms.mo",
    ]);
  });

  test("pages with limit and cursor", async () => {
    const first = await list(me.key, "?limit=2");
    expect(first.data.data).toHaveLength(2);
    const second = await list(me.key, `?limit=2&cursor=${first.data.nextCursor}`);
    const third = await list(me.key, `?limit=2&cursor=${second.data.nextCursor}`);
    expect(third.data.data).toHaveLength(1);
    expect(third.data.nextCursor).toBeNull();
    const seen = [...first.data.data, ...second.data.data, ...third.data.data].map((d: { id: string }) => d.id);
    expect(new Set(seen).size).toBe(5);
  });

  test("filters by event type and creation time (ISO 8601 since inclusive, until exclusive)", async () => {
    const mo = await list(me.key, "?eventType=sms.mo");
    expect(mo.status).toBe(200);
    expect(mo.data.data.map((d: { eventType: string }) => d.eventType)).toEqual(["sms.mo"]);
    const all = (await list(me.key)).data.data as { id: string; createdAt: string }[];
    const oldest = all[all.length - 1]!;
    const sinceOldest = await list(me.key, `?since=${encodeURIComponent(oldest.createdAt)}`);
    expect(sinceOldest.data.data).toHaveLength(5);
    const untilOldest = await list(me.key, `?until=${encodeURIComponent(oldest.createdAt)}`);
    expect(untilOldest.data.data).toHaveLength(0);
    expect((await list(me.key, "?since=2099-01-01")).data.data).toHaveLength(0);
    expect((await list(me.key, "?until=2099-01-01&eventType=sms.dlr")).data.data).toHaveLength(4);
  });

  test("bad, unknown and repeated query parameters are a 422 naming them", async () => {
    for (const [query, path] of [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?limit=ten", "limit"],
      ["?status=lost", "status"],
      ["?endpointId=123", "endpointId"],
      ["?cursor=dlv_'%20or%201=1", "cursor"],
      ["?stauts=failed", undefined],
      ["?since=yesterday", "since"],
      ["?until=2026-13-45", "until"],
      ["?since=", "since"],
      ["?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z", "until"],
      ["?eventType=sms.nope", "eventType"],
      ["?status=failed&status=succeeded", "status"],
    ] as const) {
      const res = await list(me.key, query);
      expect(res.status, query).toBe(422);
      expect(res.data.error.code).toBe("validation_failed");
      if (path) expect(res.data.error.issues.map((i: { path: string[] }) => i.path[0])).toContain(path);
    }
  });

  test("another account sees none of them; no key is a 401", async () => {
    expect((await list(other.key)).data).toEqual({ data: [], nextCursor: null });
    expect((await list(other.key, `?endpointId=${okEndpointId}`)).data.data).toEqual([]);
    const anonymous = await call(listRoute.GET, "GET", {}, { path: "/api/v1/deliveries" });
    expect(anonymous.status).toBe(401);
  });
});

describe("GET /api/v1/deliveries/{id}", () => {
  test("the delivery with its event, endpoint and attempt log (custom header values redacted)", async () => {
    const [failed] = (await list(me.key, "?status=failed&limit=1")).data.data;
    const res = await get(me.key, failed.id);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      id: failed.id,
      status: "failed",
      event: { type: "sms.dlr", data: sampleEvent("sms.dlr").data },
      endpoint: { id: failingEndpointId, url: `${h.receiver.url}/failing` },
    });
    expect(res.data.attemptLog).toHaveLength(1);
    expect(res.data.attemptLog[0]).toMatchObject({
      attemptNumber: 1,
      trigger: "scheduled",
      responseStatus: 500,
      responseBody: "database is down",
      errorClass: "http_status",
    });
    expect(res.data.attemptLog[0].request.headers["webhook-id"]).toBe(failed.id);
  });

  test("another account's delivery and unknown ids are 404", async () => {
    const [mine] = (await list(me.key, "?limit=1")).data.data;
    for (const [key, id] of [
      [other.key, mine.id],
      [me.key, "dlv_00000000000000000000000000"],
      [me.key, "not-an-id"],
      [me.key, "x".repeat(5000)],
    ]) {
      const res = await get(key!, id!);
      expect(res.status).toBe(404);
      expect(res.data.error.code).toBe("not_found");
    }
  });
});

describe("POST /api/v1/deliveries/{id}/retry", () => {
  test("re-sends a failed delivery now, recorded as a manual attempt", async () => {
    const [failed] = (await list(me.key, "?status=failed&limit=1")).data.data;
    h.receiver.respondWith({ status: 200, body: "recovered" });
    const before = h.receiver.requests.length;

    const res = await retry(me.key, failed.id);
    expect(res.status).toBe(202);
    expect(res.data).toMatchObject({ id: failed.id, status: "pending" });

    const row = await until(
      () => deliveryRow(failed.id),
      (d) => d.status === "succeeded",
    );
    expect(row).toMatchObject({ status: "succeeded", attempts: 2, lastStatusCode: 200 });
    expect(h.receiver.requests.length).toBe(before + 1);
    const attempts = await h.db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.deliveryId, failed.id))
      .orderBy(deliveryAttempts.attemptNumber);
    expect(attempts.map((a) => [a.trigger, a.responseStatus])).toEqual([
      ["scheduled", 500],
      ["manual", 200],
    ]);

    // Already delivered: nothing to retry.
    const again = await retry(me.key, failed.id);
    expect(again.status).toBe(409);
    expect(again.data.error.code).toBe("conflict");
  });

  test("another account cannot retry it (404) and nothing is sent", async () => {
    const [failed] = (await list(me.key, "?status=failed&limit=1")).data.data;
    const before = h.receiver.requests.length;
    const res = await retry(other.key, failed.id);
    expect(res.status).toBe(404);
    expect((await deliveryRow(failed.id)).status).toBe("failed");
    await new Promise((r) => setTimeout(r, 200));
    expect(h.receiver.requests.length).toBe(before);
    expect((await retry(me.key, "dlv_nope")).status).toBe(404);
  });
});
