import { afterAll, expect, test } from "vitest";
import { deliveries, deliveryAttempts } from "@/db/schema";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { startReceiver } from "@/tests/helpers/receiver";
import { sharedDatabase, startRunnerProcess, type Cleanups } from "@/tests/helpers/runner-processes";

const N = 2000;
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
    receiver.respondWith({ status: 200, body: "ok", delayMs: 200 });
    const shared = await sharedDatabase(cleanups, "two");
    const setup = await shared.open();
    cleanups.push(() => setup.close());
    const me = await createActor({ db: setup.db });
    await insertEndpoint(setup.db, me.accountId, receiver.url, { method: "JSON", payloadFormat: "envelope" });
    const parked = new LocalRunner({ db: setup.db }); // never started: the processes claim everything
    for (let i = 0; i < N; i += 500)
      await ingestEvents(
        { db: setup.db, actor: me.actor, runner: parked },
        { events: Array.from({ length: 500 }, () => sampleEvent("sms.dlr")) },
      );

    // Each process sends 10 at a time (200 ms each, 50/s) and holds up to 90 claimed (an account's
    // places): claimed work waits ~1.8 s, past the 1.5 s lease, so only the renewals keep the
    // other process from taking it over and sending it again.
    const env = {
      ...shared.env,
      DB: shared.location,
      ACTOR: JSON.stringify(me.actor),
      LEASE_MS: "1500",
      CONCURRENCY: "10",
    };
    const processes = [startRunnerProcess(env, cleanups), startRunnerProcess(env, cleanups)];
    for (const p of processes) expect(await p.exited, p.output()).toBe(0);

    const ids = receiver.requests.map((r) => String(r.headers["webhook-id"]));
    expect(new Set(ids).size).toBe(N);
    expect(ids).toHaveLength(N);
    const rows = await setup.db.select({ status: deliveries.status }).from(deliveries);
    expect(rows.filter((r) => r.status === "succeeded")).toHaveLength(N);
    expect(await setup.db.$count(deliveryAttempts)).toBe(N);
  },
  180_000,
);
