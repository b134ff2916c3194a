import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { startLocalRunnerOnce } from "./start-local-runner";

/**
 * The runner chosen by DELIVERY_RUNNER (default: inngest when Inngest keys or INNGEST_DEV are set,
 * else local). The local runner is started on first use if instrumentation has not done so.
 */
export async function getDeliveryRunner(): Promise<DeliveryRunner> {
  if (getEnv().DELIVERY_RUNNER === "inngest") {
    const [{ inngest }, { InngestRunner }] = await Promise.all([
      import("@/server/inngest/client"),
      import("./inngest-runner"),
    ]);
    return new InngestRunner(inngest, await getDb());
  }
  return startLocalRunnerOnce(await getDb());
}
