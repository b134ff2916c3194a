import { expect, test } from "vitest";
import { Webhook } from "standardwebhooks";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import type { Receiver } from "@/tests/helpers/receiver";

const h = setupIntegration();

test("1,000 events to three endpoints: each request arrives once, with the right body, signed", async () => {
  const receivers = await Promise.all([h.startReceiver(), h.startReceiver(), h.startReceiver()]);
  const [jsonR, postR, getR] = receivers as [Receiver, Receiver, Receiver];
  const actor = await createActor(h.services);
  const json = await insertEndpoint(h.db, actor.accountId, jsonR.url, { method: "JSON", payloadFormat: "envelope" });
  const post = await insertEndpoint(h.db, actor.accountId, postR.url, {
    method: "POST",
    payloadFormat: "mapped",
    paramMap: { transaction_id: "txn" },
  });
  const get = await insertEndpoint(h.db, actor.accountId, `${getR.url}?src=hookline`, {
    method: "GET",
    payloadFormat: "mapped",
    paramMap: { mobile: "msisdn" },
  });
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true } });

  const N = 1000;
  const eventsIn = Array.from({ length: N }, (_, i) => {
    const e = sampleEvent("sms.dlr");
    e.data.transaction_id = `txn-${i}`;
    e.data.error_description = i % 2 ? "a&b=c d" : "<ok/>";
    return e;
  });
  const ids: string[] = [];
  for (let i = 0; i < N; i += 250) {
    const res = (await ingestEvents(
      { db: h.db, actor: actor.actor, runner },
      { events: eventsIn.slice(i, i + 250) },
    )) as { ids: string[] };
    ids.push(...res.ids);
  }
  await Promise.all(receivers.map((r) => r.waitFor(N, 60_000)));
  await new Promise((r) => setTimeout(r, 200)); // anything extra would show up now

  for (const r of receivers) {
    expect(r.requests).toHaveLength(N);
    expect(new Set(r.requests.map((q) => q.headers["webhook-id"])).size).toBe(N);
  }

  const jsonByTxn = new Map(jsonR.requests.map((q) => [JSON.parse(q.body).data.transaction_id as string, q]));
  const wh = new Webhook(json.secret);
  for (let i = 0; i < N; i++) {
    const q = jsonByTxn.get(`txn-${i}`)!;
    const body = JSON.parse(q.body);
    expect(body).toMatchObject({
      id: ids[i],
      type: "sms.dlr",
      data: { transaction_id: `txn-${i}`, error_description: eventsIn[i]!.data.error_description },
    });
    expect(() => wh.verify(q.body, q.headers as Record<string, string>)).not.toThrow();
  }

  const postWh = new Webhook(post.secret);
  for (const q of postR.requests) {
    expect(q.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(q.body);
    expect(form.get("txn")).toMatch(/^txn-\d+$/);
    expect(form.has("transaction_id")).toBe(false);
    const i = Number(form.get("txn")!.slice(4));
    expect(form.get("error_description")).toBe(eventsIn[i]!.data.error_description);
    expect(() => postWh.verify(q.body, q.headers as Record<string, string>, { jsonParse: false })).not.toThrow();
  }

  const getWh = new Webhook(get.secret);
  for (const q of getR.requests) {
    expect(q.method).toBe("GET");
    const query = q.url.slice(q.url.indexOf("?") + 1);
    const params = new URLSearchParams(query);
    expect(params.get("src")).toBe("hookline");
    expect(params.get("msisdn")).toBe("919812345678");
    expect(() => getWh.verify(query, q.headers as Record<string, string>, { jsonParse: false })).not.toThrow();
  }

  // A tampered body does not verify.
  const q0 = jsonR.requests[0]!;
  expect(() => wh.verify(q0.body.replace("sms.dlr", "sms.mo"), q0.headers as Record<string, string>)).toThrow();
}, 120_000); // 3,000 sends on in-memory PGlite, which shares this thread
