import type { ReadContext } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { getEndpointHealth, type HealthRange } from "./get-endpoint-health";
import { getFailureStreaks } from "./get-failure-streaks";
import { failureThresholds } from "./thresholds";

/** One endpoint's health for its detail page: charts, summary, failure streak and thresholds. */
export async function getEndpointHealthDetail(
  ctx: ReadContext,
  input: { endpointId: string; range: HealthRange },
  now = new Date(),
) {
  const {
    db,
    actor: { accountId },
  } = ctx;
  const [health] = await getEndpointHealth(ctx, { range: input.range, endpointIds: [input.endpointId] }, now);
  if (!health) throw notFound("Endpoint");
  const streak = (await getFailureStreaks(db, accountId, [input.endpointId])).get(input.endpointId);
  return {
    ...health,
    range: input.range,
    failedInARow: streak?.failedInARow ?? 0,
    lastAttemptAt: streak?.lastAttemptAt ?? null,
    lastSuccessAt: streak?.lastSuccessAt ?? null,
    thresholds: failureThresholds(),
  };
}

export type EndpointHealthDetail = Awaited<ReturnType<typeof getEndpointHealthDetail>>;
