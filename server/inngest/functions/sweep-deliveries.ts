import { type Db } from "@/db";
import { getDb } from "@/server/db";
import { findStrandedDeliveries } from "@/server/delivery/runners/find-stranded-deliveries";
import { deliveryEvents } from "@/server/delivery/runners/inngest-runner";
import { markEnqueued } from "@/server/delivery/runners/mark-enqueued";
import { inngest, type InngestClient } from "@/server/inngest/client";

const OVERDUE_MS = 5 * 60_000;
/** A run's mark older than this (past its wake-up time) means the run is gone. */
const STALE_MS = 60 * 60_000;
const LIMIT = 5_000;
const BATCH = 500;

type Options = { getDbFn?: () => Promise<Db>; client?: InngestClient; overdueMs?: number; staleMs?: number };

/**
 * Safety net for the Inngest runner (the local runner polls the database and needs none): every
 * five minutes, deliveries overdue by five minutes that no live run holds get a fresh event — the
 * hand-off was lost (Inngest unreachable, a process died) or the run ended abnormally. Deliveries
 * whose run is queued behind the concurrency limit or asleep keep a recent mark and are skipped
 * (findStrandedDeliveries). Events go out with step.sendEvent, one step per batch, and each
 * batch is marked as held once Inngest has it, so the next sweep does not send it again.
 */
export function createSweepDeliveries({
  getDbFn = getDb,
  client = inngest,
  overdueMs = OVERDUE_MS,
  staleMs = STALE_MS,
}: Options = {}) {
  return client.createFunction(
    { id: "sweep-deliveries", name: "Re-enqueue stranded deliveries", triggers: [{ cron: "*/5 * * * *" }], retries: 1 },
    async ({ step }) => {
      // The event ids name the sweep's time bucket: decided inside the step, so replays agree.
      const { stranded, bucket } = await step.run("find-stranded", async () => ({
        stranded: await findStrandedDeliveries(await getDbFn(), { overdueMs, staleMs, limit: LIMIT }),
        bucket: Math.floor(Date.now() / overdueMs),
      }));
      for (let i = 0; i < stranded.length; i += BATCH) {
        const batch = stranded.slice(i, i + BATCH);
        await step.sendEvent(
          `re-enqueue-${i / BATCH}`,
          deliveryEvents(batch.map((d) => ({ ...d, dedupeKey: `${d.id}-sweep-${bucket}` }))),
        );
        await step.run(`mark-${i / BATCH}`, async () =>
          markEnqueued(
            await getDbFn(),
            batch.map((d) => d.id),
            "now",
          ),
        );
      }
      return { reEnqueued: stranded.length };
    },
  );
}

export const sweepDeliveries = createSweepDeliveries();
