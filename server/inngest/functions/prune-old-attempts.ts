import type { Db } from "@/db";
import { getDb } from "@/server/db";
import { inngest } from "@/server/inngest/client";
import { runHousekeeping } from "@/server/maintenance/run-housekeeping";

/** Housekeeping for the Inngest runner (the local runner has its own hourly timer). */
export function createPruneOldAttempts({ getDbFn = getDb }: { getDbFn?: () => Promise<Db> } = {}) {
  return inngest.createFunction(
    {
      id: "prune-old-attempts",
      name: "Housekeeping: old attempts, stale sign-in failures",
      triggers: [{ cron: "17 * * * *" }],
      retries: 2,
    },
    async ({ step }) => step.run("prune", async () => runHousekeeping(await getDbFn())),
  );
}

export const pruneOldAttempts = createPruneOldAttempts();
