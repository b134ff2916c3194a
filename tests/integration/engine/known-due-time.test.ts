import { expect, test } from "vitest";
import { KnownDueTime } from "@/server/delivery/runners/known-due-time";
import { createActor } from "@/tests/helpers/actors";
import { insertDelivery } from "@/tests/helpers/deliveries";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

test("the next due time is read once per poll interval, moved earlier by what the runner writes, read again once it has come", async () => {
  const a = await createActor(h.services);
  const ep = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/hook");
  const t0 = Date.now();
  const inAMinute = new Date(t0 + 60_000);
  await insertDelivery(h.db, a.accountId, ep.id, { nextAttemptAt: inAMinute });
  const due = new KnownDueTime(h.db, 1_000);

  expect(await due.next(t0)).toBe(inAMinute.getTime());
  // Written meanwhile by someone else: not seen until the poll interval has passed.
  const inTenSeconds = new Date(t0 + 10_000);
  await insertDelivery(h.db, a.accountId, ep.id, { nextAttemptAt: inTenSeconds });
  expect(await due.next(t0 + 500)).toBe(inAMinute.getTime());
  expect(await due.next(t0 + 1_000)).toBe(inTenSeconds.getTime());

  // A retry this runner scheduled counts at once, without a read.
  due.note(t0 + 5_000);
  expect(await due.next(t0 + 1_200)).toBe(t0 + 5_000);
  due.note(t0 + 8_000); // later than what is known: no change
  expect(await due.next(t0 + 1_300)).toBe(t0 + 5_000);
  // Once that time has come it is read again (the retry was never written here, so the database's is next).
  expect(await due.next(t0 + 5_000)).toBe(inTenSeconds.getTime());
});
