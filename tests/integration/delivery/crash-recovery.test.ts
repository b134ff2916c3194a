import { afterAll, expect, test } from "vitest";
import { deliveries } from "@/db/schema";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { sharedDatabase, startRunnerProcess, type Cleanups } from "@/tests/helpers/runner-processes";

const N = 2000;
const cleanups: Cleanups = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn();
});

async function waitUntil(check: () => boolean, ms: number, what: () => string) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a runner killed with SIGKILL mid-burst loses nothing: a new runner finishes, re-sends keep their webhook-id", async () => {
  const receiver: Receiver = await startReceiver();
  cleanups.push(() => receiver.close());
  const shared = await sharedDatabase(cleanups, "crash");

  let setup = await shared.open();
  const actor = await createActor({ db: setup.db });
  await insertEndpoint(setup.db, actor.accountId, receiver.url, { method: "JSON", payloadFormat: "envelope" });
  await setup.close(); // PGlite: one process at a time

  const first = startRunnerProcess(
    {
      ...shared.env,
      DB: shared.location,
      ACTOR: JSON.stringify(actor.actor),
      LEASE_MS: "1500",
      INGEST: String(N),
    },
    cleanups,
  );
  await waitUntil(() => receiver.requests.length >= 300 || first.child.exitCode !== null, 60_000, first.output);
  expect(first.child.exitCode).toBeNull(); // still mid-burst
  first.child.kill("SIGKILL");
  await first.exited;
  const beforeCrash = receiver.requests.length;
  expect(beforeCrash).toBeLessThan(N);

  const second = startRunnerProcess(
    {
      ...shared.env,
      DB: shared.location,
      ACTOR: JSON.stringify(actor.actor),
      LEASE_MS: "1500",
    },
    cleanups,
  );
  expect(await second.exited, second.output()).toBe(0);

  // Every event arrived at least once; a delivery sent twice (in flight at the kill) kept its id.
  const idsByEvent = new Map<string, Set<string>>();
  for (const r of receiver.requests) {
    const eventId = JSON.parse(r.body).id as string;
    const set = idsByEvent.get(eventId) ?? new Set<string>();
    set.add(String(r.headers["webhook-id"]));
    idsByEvent.set(eventId, set);
  }
  expect(receiver.requests.length).toBeGreaterThanOrEqual(N);
  expect(idsByEvent.size).toBe(N);
  expect([...idsByEvent.values()].every((s) => s.size === 1)).toBe(true);

  setup = await shared.open();
  cleanups.push(() => setup.close());
  const rows = await setup.db.select({ id: deliveries.id, status: deliveries.status }).from(deliveries);
  expect(rows).toHaveLength(N);
  expect(rows.every((d) => d.status === "succeeded")).toBe(true);
  const received = new Set(receiver.requests.map((r) => String(r.headers["webhook-id"])));
  expect(rows.every((d) => received.has(d.id))).toBe(true);
}, 120_000);
