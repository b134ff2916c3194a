import { type Db } from "@/db";
import { getDb } from "@/server/db";
import { findStrandedDeliveries } from "@/server/delivery/engine/find-stranded-deliveries";
import { InngestRunner } from "@/server/delivery/runners/inngest-runner";
import { inngest } from "@/server/inngest/client";

const OVERDUE_MS = 5 * 60_000;

/**
 * Safety net for the Inngest runner (the local runner polls the database and needs none): every
 * five minutes, deliveries overdue by more than five minutes get a fresh event. Attempts claim
 * their delivery first, so a delivery that did have a live run is never sent twice.
 */
export function createSweepDeliveries({ getDbFn = getDb }: { getDbFn?: () => Promise<Db> } = {}) {
  return inngest.createFunction(
    { id: "sweep-deliveries", name: "Re-enqueue stranded deliveries", triggers: [{ cron: "*/5 * * * *" }], retries: 1 },
    async ({ step }) => {
      const count = await step.run("re-enqueue", async () => {
        const stranded = await findStrandedDeliveries(await getDbFn(), { overdueMs: OVERDUE_MS, limit: 5000 });
        const bucket = Math.floor(Date.now() / OVERDUE_MS);
        await new InngestRunner(inngest).enqueue(stranded.map((d) => ({ ...d, dedupeKey: `${d.id}-sweep-${bucket}` })));
        return stranded.length;
      });
      return { reEnqueued: count };
    },
  );
}

export const sweepDeliveries = createSweepDeliveries();
