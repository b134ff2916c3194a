import { expect, test } from "vitest";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { recorder } from "@/tests/helpers/recording-runner";
import { restClient } from "@/tests/helpers/rest-client";
import { maskEventData } from "@/server/events/mask-pii";

const h = setupIntegration();
const { call } = restClient(() => h.services);

async function account() {
  const actor = await createActor(h.services);
  const { key } = await createApiKey({ db: h.db, actor: actor.actor }, { name: "events" });
  await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/hook", { eventTypes: ["sms.dlr"] });
  const send = async (type: "sms.dlr" | "sms.mo") =>
    (
      (await ingestEvents({ db: h.db, actor: actor.actor, runner: recorder() }, sampleEvent(type))) as {
        id: string;
      }
    ).id;
  return { actor, key, send };
}

const list = (key: string, query = "") => call(eventsRoute.GET, "GET", {}, { key, path: `/api/v1/events${query}` });

test("GET /api/v1/events lists the account's events newest first, filtered and paged; never another account's", async () => {
  const me = await account();
  const other = await account();
  const dlr1 = await me.send("sms.dlr");
  const mo = await me.send("sms.mo");
  const dlr2 = await me.send("sms.dlr");
  const theirs = await other.send("sms.dlr");

  const all = await list(me.key);
  expect(all.status).toBe(200);
  expect(all.data.data.map((e: { id: string }) => e.id)).toEqual([dlr2, mo, dlr1]);
  expect(all.data.data[0]).toMatchObject({ type: "sms.dlr", status: "pending", deliveries: { total: 1, inFlight: 1 } });
  expect(all.data.data[1]).toMatchObject({ type: "sms.mo", status: "no_endpoints", deliveries: { total: 0 } });

  expect((await list(me.key, "?type=sms.mo")).data.data.map((e: { id: string }) => e.id)).toEqual([mo]);
  expect((await list(me.key, "?status=no_endpoints")).data.data.map((e: { id: string }) => e.id)).toEqual([mo]);
  const page1 = await list(me.key, "?limit=2");
  expect(page1.data.data).toHaveLength(2);
  const page2 = await list(me.key, `?limit=2&cursor=${page1.data.nextCursor}`);
  expect(page2.data).toEqual({ data: [expect.objectContaining({ id: dlr1 })], nextCursor: null });
  expect(JSON.stringify(all.data)).not.toContain(theirs);

  const detail = await call(eventRoute.GET, "GET", { id: dlr2 }, { key: me.key });
  expect(detail.status).toBe(200);
  expect(detail.data).toMatchObject({
    id: dlr2,
    type: "sms.dlr",
    data: maskEventData(sampleEvent("sms.dlr").data),
    masked: true,
    deliveries: [expect.objectContaining({ status: "pending" })],
  });
  const foreign = await call(eventRoute.GET, "GET", { id: theirs }, { key: me.key });
  expect(foreign.status).toBe(404);
  expect(foreign.data.error).toMatchObject({ code: "not_found" });
});

test("bad, unknown and repeated query parameters are a 422 naming them; no key is a 401", async () => {
  const me = await account();
  for (const [query, path] of [
    ["?limit=0", "limit"],
    ["?type=sms.nope", "type"],
    ["?status=sideways", "status"],
    ["?from=yesterday", "from"],
    ["?from=2026-11-29T10:00:00Z&to=2026-11-29T09:00:00Z", "to"],
    ["?colour=red", ""],
    ["?limit=1&limit=2", "limit"],
  ] as const) {
    const res = await list(me.key, query);
    expect(res.status, query).toBe(422);
    expect(res.data.error.code).toBe("validation_failed");
    expect(JSON.stringify(res.data.error.issues), query).toContain(path);
  }
  expect((await call(eventsRoute.GET, "GET", {}, { path: "/api/v1/events" })).status).toBe(401);
});
