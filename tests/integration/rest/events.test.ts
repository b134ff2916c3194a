import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { beforeEach, describe, expect, test } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import { deliveries, events } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { sampleEvent } from "@/server/events/catalog";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { recorder as recordingRunner } from "@/tests/helpers/recording-runner";
import { restClient } from "@/tests/helpers/rest-client";

const h = setupIntegration();
/** The runner the route hands deliveries to in this test: the fixture's (never started) unless the test sets one. */
let runner: DeliveryRunner;
beforeEach(() => {
  runner = h.runner;
});
const { call } = restClient(() => ({ db: h.db, runner }));

type SendOptions = { key?: string | null; headers?: Record<string, string>; contentType?: string };

/** POST /api/v1/events through the exported route handler, with a real Request. */
function postEvents(body: unknown, opts: SendOptions = {}) {
  const raw = typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body);
  return call(
    eventsRoute.POST,
    "POST",
    {},
    {
      key: opts.key,
      headers: opts.headers,
      raw: raw as string | Uint8Array<ArrayBuffer>,
      contentType: opts.contentType ?? "application/json",
      path: "/api/v1/events",
    },
  );
}

/** Makes the route hand deliveries to a runner that records them and sends nothing; returns what it got. */
function recorder() {
  const rec = recordingRunner();
  runner = rec;
  return rec.items;
}

async function account() {
  const actor = await createActor(h.services);
  const { key, id: keyId } = await createApiKey({ db: h.db, actor: actor.actor }, { name: "ingest" });
  return { ...actor, key, keyId };
}

const eventsOf = (accountId: string) => h.db.select().from(events).where(eq(events.accountId, accountId));

describe("POST /api/v1/events", () => {
  test("accepts an event (202) and delivers it, signed, to the account's subscribed endpoint only", async () => {
    const receiver = await h.startReceiver();
    runner = h.startRunner({ idlePollMs: 50, attempt: { schedule: [0], allowPrivateNetworks: true } });
    const a = await account();
    const b = await account();
    const mine = await insertEndpoint(h.db, a.accountId, `${receiver.url}/a`);
    await insertEndpoint(h.db, a.accountId, `${receiver.url}/a-mo`, { eventTypes: ["sms.mo"] });
    await insertEndpoint(h.db, b.accountId, `${receiver.url}/b`);

    const sample = sampleEvent("sms.dlr");
    const res = await postEvents(sample, { key: a.key });
    expect(res.status).toBe(202);
    expect(res.data).toEqual({ id: expect.stringMatching(/^evt_/) });

    const [got] = await receiver.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.requests).toHaveLength(1);
    expect(got!.url).toBe("/a");
    const payload = new Webhook(mine.secret).verify(got!.body, got!.headers as Record<string, string>);
    expect(payload).toMatchObject({ id: res.data.id, type: "sms.dlr", data: sample.data });
    expect(await eventsOf(b.accountId)).toEqual([]);
  });

  test("a batch answers the ids in order and fans out by event type", async () => {
    const deliveryItems = recorder();
    const a = await account();
    const dlr = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/dlr");
    const both = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/both", {
      eventTypes: ["sms.dlr", "sms.mo"],
    });
    const res = await postEvents(
      { events: [sampleEvent("sms.dlr"), sampleEvent("sms.mo"), sampleEvent("link.click")] },
      { key: a.key },
    );
    expect(res.status).toBe(202);
    expect(res.data.ids).toHaveLength(3);
    const stored = await eventsOf(a.accountId);
    expect(res.data.ids.map((id: string) => stored.find((e) => e.id === id)?.type)).toEqual([
      "sms.dlr",
      "sms.mo",
      "link.click",
    ]);
    expect(deliveryItems.map((d) => d.endpointId).sort()).toEqual([dlr.id, both.id, both.id].sort());
  });

  test("Idempotency-Key: a repeated request answers the first event's id and delivers once", async () => {
    const deliveryItems = recorder();
    const a = await account();
    await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/x");
    const headers = { "Idempotency-Key": "order-1042-dlr" };
    const first = await postEvents(sampleEvent("sms.dlr"), { key: a.key, headers });
    const again = await postEvents(sampleEvent("sms.dlr"), { key: a.key, headers });
    const sameInBody = await postEvents(
      { ...sampleEvent("sms.dlr"), idempotencyKey: "order-1042-dlr" },
      { key: a.key, headers },
    );
    expect([first.status, again.status, sameInBody.status]).toEqual([202, 202, 202]);
    expect(again.data.id).toBe(first.data.id);
    expect(sameInBody.data.id).toBe(first.data.id);
    expect(await eventsOf(a.accountId)).toHaveLength(1);
    expect(deliveryItems).toHaveLength(1);

    // Keys are per account: another account's identical key is its own event.
    const b = await account();
    const other = await postEvents(sampleEvent("sms.dlr"), { key: b.key, headers });
    expect(other.data.id).not.toBe(first.data.id);
  });

  test("Idempotency-Key on a batch keys each event as <key>:<index> unless it has its own", async () => {
    recorder();
    const a = await account();
    const body = {
      events: [sampleEvent("sms.dlr"), { ...sampleEvent("sms.mo"), idempotencyKey: "own" }, sampleEvent("link.click")],
    };
    const first = await postEvents(body, { key: a.key, headers: { "Idempotency-Key": "batch-7" } });
    const again = await postEvents(body, { key: a.key, headers: { "Idempotency-Key": "batch-7" } });
    expect(first.status).toBe(202);
    expect(again.data.ids).toEqual(first.data.ids);
    const keys = (await eventsOf(a.accountId)).map((e) => e.idempotencyKey).sort();
    expect(keys).toEqual(["batch-7:0", "batch-7:2", "own"]);
  });

  test("an Idempotency-Key that is empty, too long or contradicts the body is a 422", async () => {
    recorder();
    const a = await account();
    for (const value of [" ", "k".repeat(256)]) {
      const res = await postEvents(sampleEvent("sms.dlr"), { key: a.key, headers: { "Idempotency-Key": value } });
      expect(res.status).toBe(422);
      expect(res.data.error).toMatchObject({
        code: "validation_failed",
        issues: [{ path: ["headers", "Idempotency-Key"] }],
      });
    }
    const clash = await postEvents(
      { ...sampleEvent("sms.dlr"), idempotencyKey: "a" },
      { key: a.key, headers: { "Idempotency-Key": "b" } },
    );
    expect(clash.status).toBe(422);
    expect(clash.data.error.issues[0].path).toEqual(["idempotencyKey"]);
    expect(await eventsOf(a.accountId)).toEqual([]);
  });
});

describe("refusals", () => {
  test("401 without a key, with a bad key and with a revoked key — before the body is read", async () => {
    recorder();
    const a = await account();
    const cases: SendOptions[] = [
      {},
      { key: "hk_live_notarealkeynotarealkeynotareal" },
      { headers: { authorization: `Basic ${a.key}` } },
    ];
    for (const opts of cases) {
      const res = await postEvents("{not json", opts);
      expect(res.status).toBe(401);
      expect(res.data.error.code).toBe("unauthorized");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    await revokeApiKey({ db: h.db, actor: a.actor }, { id: a.keyId });
    const revoked = await postEvents(sampleEvent("sms.dlr"), { key: a.key });
    expect(revoked.status).toBe(401);
    expect(await eventsOf(a.accountId)).toEqual([]);
  });

  test("422 with issues for unknown types and catalog violations; a batch is all or nothing", async () => {
    recorder();
    const a = await account();
    const unknown = await postEvents({ type: "sms.bounce", data: {} }, { key: a.key });
    expect(unknown.status).toBe(422);
    expect(unknown.data.error).toMatchObject({
      code: "validation_failed",
      issues: [{ path: ["type"], message: expect.stringContaining("sms.dlr") }],
    });

    const noMobile = sampleEvent("sms.dlr").data;
    delete noMobile.mobile;
    const batch = await postEvents(
      {
        events: [
          sampleEvent("sms.dlr"),
          { type: "sms.dlr", data: noMobile },
          { type: "sms.dlr", data: { ...noMobile, mobile: "call me" } },
        ],
      },
      { key: a.key },
    );
    expect(batch.status).toBe(422);
    expect(batch.data.error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      ["events", 1, "data", "mobile"],
      ["events", 2, "data", "mobile"],
    ]);

    const shapes = [{ data: {} }, { type: "sms.dlr" }, { type: "sms.dlr", data: [] }, { events: [] }, []];
    for (const body of shapes) expect((await postEvents(body, { key: a.key })).status, JSON.stringify(body)).toBe(422);
    expect(await eventsOf(a.accountId)).toEqual([]);
  });

  test("415 for a non-JSON content type, 400 for malformed JSON or bytes", async () => {
    recorder();
    const a = await account();
    const asForm = await postEvents("type=sms.dlr", { key: a.key, contentType: "application/x-www-form-urlencoded" });
    expect(asForm.status).toBe(415);
    expect(asForm.data.error.code).toBe("unsupported_media_type");
    expect(
      (await postEvents(JSON.stringify(sampleEvent("sms.dlr")), { key: a.key, contentType: "text/plain" })).status,
    ).toBe(415);
    for (const raw of ["", "{", '{"type":"sms.dlr",}', "undefined", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]) {
      const res = await postEvents(raw, { key: a.key });
      expect(res.status).toBe(400);
      expect(res.data.error.code).toBe("invalid_json");
    }
  });

  test("413 for a request over 5 MB and for one event over 256 KB", async () => {
    recorder();
    const a = await account();
    const huge = {
      events: [{ type: "sms.dlr", data: { ...sampleEvent("sms.dlr").data, client_ref: "x".repeat(5 * 1024 * 1024) } }],
    };
    const tooBig = await postEvents(huge, { key: a.key });
    expect(tooBig.status).toBe(413);
    expect(tooBig.data.error.code).toBe("payload_too_large");

    const fat = {
      ...sampleEvent("sms.mo"),
      data: { ...sampleEvent("sms.mo").data, attachment: "y".repeat(300 * 1024) },
    };
    const oneFat = await postEvents(fat, { key: a.key });
    expect(oneFat.status).toBe(413);
    expect(oneFat.data.error).toMatchObject({ code: "payload_too_large", issues: [{ path: ["data"] }] });
    const batch = await postEvents({ events: [sampleEvent("sms.dlr"), fat] }, { key: a.key });
    expect(batch.data.error.issues[0].path).toEqual(["events", 1, "data"]);
    expect(await eventsOf(a.accountId)).toEqual([]);
  });
});

test("deliveries are only created for the key's account, whatever the body says", async () => {
  const deliveryItems = recorder();
  const a = await account();
  const b = await account();
  const bEndpoint = await insertEndpoint(h.db, b.accountId, "http://127.0.0.1:9/b");
  const res = await postEvents(
    {
      ...sampleEvent("sms.dlr"),
      accountId: b.accountId,
      data: { ...sampleEvent("sms.dlr").data, account_id: b.accountId },
    },
    { key: a.key },
  );
  expect(res.status).toBe(202);
  expect(deliveryItems).toEqual([]);
  expect(
    await h.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.endpointId, bEndpoint.id))),
  ).toEqual([]);
  expect(await eventsOf(b.accountId)).toEqual([]);
});
