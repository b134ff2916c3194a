import type { ReadContext } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { getFailureStreaks } from "./get-failure-streaks";
import { failureThresholds } from "./thresholds";

/**
 * The endpoint's failures in a row with the thresholds: what the warning banner polls. Cheaper
 * than the full health figures (no percentiles over the range).
 */
export async function getEndpointFailureStreak(
  { db, actor: { accountId } }: ReadContext,
  { endpointId }: { endpointId: string },
) {
  const streak = (await getFailureStreaks(db, accountId, [endpointId])).get(endpointId);
  if (!streak) throw notFound("Endpoint");
  return { ...streak, thresholds: failureThresholds() };
}
