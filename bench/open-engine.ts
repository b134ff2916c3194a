import { count, eq } from "drizzle-orm";
import { deliveryAttempts } from "@/db/schema";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { seedBenchAccount, type Target } from "./setup-target";
import { sleep, within } from "./util";

/**
 * The engine as the bench drives it, through its public entry points only: the ingestion verb
 * and a LocalRunner. One account with one endpoint pointing at the receiver. The runner is
 * created stopped, so a backlog can be ingested before it starts.
 */
export async function openEngine(target: Target, receiverUrl: string, concurrency: number) {
  const db = target.handle.db;
  const actor = await within(seedBenchAccount(target.handle, receiverUrl), 60_000, "seed account");
  const runner = new LocalRunner({
    db,
    concurrency,
    perEndpoint: concurrency,
    attempt: { allowPrivateNetworks: true },
  });
  const ctx = { db, actor, runner };

  return {
    db,
    start: () => runner.start(),
    /** Lets in-flight attempts finish. */
    stop: () => within(runner.stop(), 60_000, "runner stop"),
    /**
     * N events in batches of 1,000 (the batch API), made ahead: a sender's cost of building its
     * events is not the engine's, and timed runs make them before their clock starts.
     */
    eventBatches(n: number): EventBatch[] {
      const batches: EventBatch[] = [];
      for (let i = 0; i < n; i += 1000)
        batches.push(Array.from({ length: Math.min(1000, n - i) }, () => sampleEvent("sms.dlr")));
      return batches;
    },
    /** Ingests the batches one after another, one statement per batch. */
    async ingest(batches: EventBatch[]) {
      for (const events of batches) await within(ingestEvents(ctx, { events }), 120_000, "ingest batch");
    },
    /** One event through the single-event API; returns the event id. */
    async ingestOne() {
      const res = await within(ingestEvents(ctx, sampleEvent("sms.dlr")), 60_000, "ingest one");
      return (res as { id: string }).id;
    },
    /** Attempts recorded for the account; waits (bounded) for it to reach `expected`. */
    async attemptsRecorded(expected: number) {
      let recorded = 0;
      for (let i = 0; i < 100; i++) {
        const [row] = await db
          .select({ n: count() })
          .from(deliveryAttempts)
          .where(eq(deliveryAttempts.accountId, actor.accountId));
        recorded = Number(row?.n ?? 0);
        if (recorded >= expected) break;
        await sleep(50); // attempts are recorded just after the response
      }
      return recorded;
    },
  };
}

export type Engine = Awaited<ReturnType<typeof openEngine>>;
type EventBatch = ReturnType<typeof sampleEvent>[];
