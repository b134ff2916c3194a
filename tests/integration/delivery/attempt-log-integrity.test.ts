import { expect, test } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { deliveries, deliveryAttempts, events } from "@/db/schema";
import { deleteEndpoint } from "@/server/endpoints/delete-endpoint";
import { recordAttempts, type AttemptRecord } from "@/server/delivery/engine/record-attempts";
import { recordTestAttempt } from "@/server/delivery/engine/record-test-attempt";
import type { SendOutcome } from "@/server/delivery/types";
import { pruneExpiredData } from "@/server/maintenance/prune-expired-data";
import { createActor } from "@/tests/helpers/actors";
import { insertDelivery } from "@/tests/helpers/deliveries";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

// delivery_attempts has no foreign keys (a lookup and a row lock per attempt on the hottest
// table): these are the guarantees the writers and deleting verbs keep instead.
const h = setupIntegration();

const outcome: SendOutcome = {
  ok: true,
  status: 200,
  headers: { "content-type": "text/plain" },
  body: "ok",
  bodyTruncated: false,
  durationMs: 3,
  errorClass: null,
  errorMessage: null,
  retryAfterMs: null,
};

function attempt(d: { id: string; accountId: string; endpointId: string }): AttemptRecord {
  return {
    delivery: { id: d.id, accountId: d.accountId, endpointId: d.endpointId },
    adaptive: false,
    attemptNumber: 1,
    trigger: "scheduled",
    request: { method: "POST", url: "http://127.0.0.1:9/hook", headers: {}, body: "{}" },
    outcome: { ...outcome },
    decision: { kind: "succeeded" },
    at: new Date(),
  };
}

const attemptsOf = (endpointId: string) =>
  h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.endpointId, endpointId));

test("an attempt is recorded only for a delivery that still exists", async () => {
  const a = await createActor(h.services);
  const kept = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/kept");
  const doomed = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/doomed");
  const live = await insertDelivery(h.db, a.accountId, kept.id);
  const gone = await insertDelivery(h.db, a.accountId, doomed.id);
  // The endpoint is deleted while its delivery is being sent; the batch recording both follows.
  await deleteEndpoint({ db: h.db, actor: a.actor }, { id: doomed.id });
  await recordAttempts(h.db, [attempt(live), attempt(gone)], 100);

  expect(await attemptsOf(kept.id)).toHaveLength(1);
  expect(await attemptsOf(doomed.id)).toEqual([]);
  const [row] = await h.db.select().from(deliveries).where(eq(deliveries.id, live.id));
  expect(row!.status).toBe("succeeded");
});

test("deleting an endpoint deletes its attempts, Test Webhook ones included, and no one else's", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  const doomed = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/doomed");
  const sibling = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/sibling");
  const theirs = await insertEndpoint(h.db, b.accountId, "http://127.0.0.1:9/theirs");
  const ds = await Promise.all([doomed, sibling, theirs].map((ep) => insertDelivery(h.db, ep.accountId, ep.id)));
  await recordAttempts(h.db, ds.map(attempt), 100);
  const request = { method: "POST", url: "http://127.0.0.1:9/doomed", headers: {}, body: "{}" };
  await recordTestAttempt(h.db, { accountId: a.accountId, endpointId: doomed.id, request, outcome });
  expect(await attemptsOf(doomed.id)).toHaveLength(2);

  await deleteEndpoint({ db: h.db, actor: a.actor }, { id: doomed.id });
  expect(await attemptsOf(doomed.id)).toEqual([]);
  expect(await attemptsOf(sibling.id)).toHaveLength(1);
  expect(await attemptsOf(theirs.id)).toHaveLength(1);
  // A Test Webhook that answers after its endpoint was deleted leaves nothing behind either.
  await recordTestAttempt(h.db, { accountId: a.accountId, endpointId: doomed.id, request, outcome });
  expect(await attemptsOf(doomed.id)).toEqual([]);
});

test("deleting an account deletes its attempts and no one else's", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  const mine = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/mine");
  const theirs = await insertEndpoint(h.db, b.accountId, "http://127.0.0.1:9/theirs");
  const ds = [await insertDelivery(h.db, a.accountId, mine.id), await insertDelivery(h.db, b.accountId, theirs.id)];
  await recordAttempts(h.db, ds.map(attempt), 100);

  await a.caller.account.delete({ password: a.input.password, confirm: "DELETE" });
  expect(await h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.accountId, a.accountId))).toEqual([]);
  expect(await attemptsOf(theirs.id)).toHaveLength(1);
});

test("retention deletes an expired event with its deliveries' attempts, however recent those are", async () => {
  const a = await createActor(h.services);
  const ep = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/hook");
  const old = await insertDelivery(h.db, a.accountId, ep.id);
  const fresh = await insertDelivery(h.db, a.accountId, ep.id);
  // A manual retry of an old event yesterday: the attempt is recent, the event is past retention.
  await recordAttempts(h.db, [attempt(old), attempt(fresh)], 100);
  const longAgo = new Date(Date.now() - 400 * 24 * 3600_000);
  await h.db.update(events).set({ createdAt: longAgo }).where(eq(events.id, old.eventId));

  await pruneExpiredData(h.db, 90);
  expect(
    await h.db
      .select()
      .from(events)
      .where(inArray(events.id, [old.eventId, fresh.eventId])),
  ).toHaveLength(1);
  const left = await attemptsOf(ep.id);
  expect(left.map((r) => r.deliveryId)).toEqual([fresh.id]);
});
