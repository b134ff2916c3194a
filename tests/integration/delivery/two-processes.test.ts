import { afterAll, expect, test } from "vitest";
import { deliveries, deliveryAttempts } from "@/db/schema";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { startReceiver } from "@/tests/helpers/receiver";
import { sharedDatabase, startRunnerProcess, type Cleanups } from "@/tests/helpers/runner-processes";

const N = 1200;
const cleanups: Cleanups = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn();
});

// PGlite is one process's database: this runs in the Postgres and PgBouncer passes.
test.skipIf(!process.env.TEST_DATABASE_URL)(
  "two runner processes on one database share a backlog held past its lease: each webhook-id arrives once",
  async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    receiver.respondWith({ status: 200, body: "ok", delayMs: 400 });
    const shared = await sharedDatabase(cleanups, "two");
    const setup = await shared.open();
    cleanups.push(() => setup.close());
    const me = await createActor({ db: setup.db });
    await insertEndpoint(setup.db, me.accountId, receiver.url, { method: "JSON", payloadFormat: "envelope" });
    const parked = new LocalRunner({ db: setup.db }); // never started: the processes claim everything
    for (let i = 0; i < N; i += 400)
      await ingestEvents(
        { db: setup.db, actor: me.actor, runner: parked },
        { events: Array.from({ length: Math.min(400, N - i) }, () => sampleEvent("sms.dlr")) },
      );

    // Each process sends 10 at a time (400 ms each, 25/s) and holds up to 90 claimed (an account's
    // places): claimed work waits ~3.6 s, past the 3 s lease, so only the renewals keep the other
    // process from taking it over and sending it again. The lease is short for a test, but not so
    // short that a loaded CI machine's stalls outlast it: renewals come every second, and a send
    // already in flight when a stall outlasts its lease is sent again (at least once, by design).
    const env = {
      ...shared.env,
      DB: shared.location,
      ACTOR: JSON.stringify(me.actor),
      LEASE_MS: "3000",
      CONCURRENCY: "10",
    };
    const processes = [startRunnerProcess(env, cleanups), startRunnerProcess(env, cleanups)];
    for (const p of processes) expect(await p.exited, p.output()).toBe(0);
    console.log(processes.map((p) => p.output().trim().split("\n").at(-1)).join("\n"));

    const ids = receiver.requests.map((r) => String(r.headers["webhook-id"]));
    expect(new Set(ids).size).toBe(N);
    expect(ids).toHaveLength(N);
    const rows = await setup.db.select({ status: deliveries.status }).from(deliveries);
    expect(rows.filter((r) => r.status === "succeeded")).toHaveLength(N);
    expect(await setup.db.$count(deliveryAttempts)).toBe(N);
  },
  180_000,
);
