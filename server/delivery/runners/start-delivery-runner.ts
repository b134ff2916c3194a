import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import type { LocalRunner } from "./local-runner";
import { startLocalRunnerOnce } from "./start-local-runner";

/**
 * For instrumentation.ts (Node runtime): starts the in-process runner when DELIVERY_RUNNER=local.
 * With Inngest there is nothing to start — Inngest calls /api/inngest.
 */
export async function startDeliveryRunner(): Promise<LocalRunner | null> {
  if (getEnv().DELIVERY_RUNNER !== "local") return null;
  return startLocalRunnerOnce(await getDb());
}
