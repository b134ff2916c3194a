import { getDb, type Db } from "@/db";
import { pruneAttempts, retentionCutoff } from "@/server/delivery/engine/prune-attempts";
import { getEnv } from "@/server/env";
import { inngest } from "@/server/inngest/client";

/** Retention for the Inngest runner (the local runner has its own daily timer). */
export function createPruneOldAttempts({ getDbFn = getDb }: { getDbFn?: () => Promise<Db> } = {}) {
  return inngest.createFunction(
    { id: "prune-old-attempts", name: "Prune old delivery attempts", triggers: [{ cron: "17 3 * * *" }], retries: 2 },
    async ({ step }) => {
      const deleted = await step.run("prune", async () =>
        pruneAttempts(await getDbFn(), retentionCutoff(getEnv().RETENTION_DAYS)),
      );
      return { deleted };
    },
  );
}

export const pruneOldAttempts = createPruneOldAttempts();
