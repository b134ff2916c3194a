import { eq, sql } from "drizzle-orm";
import type dns from "node:dns";
import type { Db } from "@/db";
import { deliveries, deliveryAttempts, endpoints, events } from "@/db/schema";
import { decideNext } from "@/server/delivery/policy/decide-next";
import { parseSchedule } from "@/server/delivery/policy/retry-schedule";
import { renderRequest } from "@/server/delivery/render/render-request";
import { sendRequest } from "@/server/delivery/send/send-request";
import { describeOutcome } from "@/server/delivery/send/describe-outcome";
import { signRequest } from "@/server/delivery/sign/sign-request";
import { getEnv } from "@/server/env";
import { newId } from "@/server/lib/ids";
import { toLoadedEndpoint } from "./load-endpoint-config";
import { redactRequest } from "./redact-request";
import { takeRateSlot } from "./take-rate-slot";

export type AttemptDeps = {
  db: Db;
  allowPrivateNetworks?: boolean;
  schedule?: number[];
  disableAfterFailures?: number;
  lookup?: typeof dns.lookup;
};

export type AttemptResult =
  | { status: "succeeded" }
  | { status: "failed" }
  | { status: "retry"; retryAt: Date }
  | { status: "deferred"; retryAt: Date }
  | { status: "skipped"; reason: "missing" | "finished" | "paused" };

/**
 * One attempt of one delivery, shared by the local runner and the Inngest function:
 * render → sign → rate slot → send → policy → record (one transaction). The database holds the
 * delivery's whole state, so either runner can pick up where the other left off.
 */
export async function attemptDelivery(deps: AttemptDeps, deliveryId: string, opts: { trigger?: "scheduled" | "manual" } = {}): Promise<AttemptResult> {
  const { db } = deps;
  const env = getEnv();
  const [found] = await db
    .select({ delivery: deliveries, event: events, endpoint: endpoints })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
    .where(eq(deliveries.id, deliveryId));
  if (!found) return { status: "skipped", reason: "missing" };
  const { delivery, event, endpoint } = found;
  if (delivery.status === "succeeded" || delivery.status === "failed") return { status: "skipped", reason: "finished" };

  if (endpoint.status === "paused") {
    // Waits, unclaimed, until the endpoint is resumed.
    await db.update(deliveries).set({ status: "pending", leaseExpiresAt: null, updatedAt: new Date() }).where(eq(deliveries.id, deliveryId));
    return { status: "skipped", reason: "paused" };
  }
  if (endpoint.status === "disabled") {
    await db
      .update(deliveries)
      .set({ status: "failed", leaseExpiresAt: null, lastError: `Endpoint disabled: ${endpoint.disabledReason ?? "by the system"}`, updatedAt: new Date() })
      .where(eq(deliveries.id, deliveryId));
    return { status: "failed" };
  }

  if (endpoint.rateLimitPerSecond) {
    const openAt = await takeRateSlot(db, endpoint.id, endpoint.rateLimitPerSecond);
    if (openAt) {
      await db.update(deliveries).set({ status: "pending", nextAttemptAt: openAt, leaseExpiresAt: null }).where(eq(deliveries.id, deliveryId));
      return { status: "deferred", retryAt: openAt };
    }
  }

  const loaded = toLoadedEndpoint(endpoint);
  const rendered = renderRequest(loaded.config, { id: event.id, type: event.type, data: event.data, createdAt: event.createdAt });
  const signed = signRequest(rendered, { msgId: delivery.id, timestamp: new Date(), secrets: loaded.secrets });
  const outcome = await sendRequest(signed, {
    timeoutMs: endpoint.timeoutMs,
    allowPrivateNetworks: deps.allowPrivateNetworks ?? env.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    lookup: deps.lookup,
  });

  const attemptNumber = delivery.attempts + 1;
  const now = new Date();
  const decision = decideNext(outcome, attemptNumber, deps.schedule ?? parseSchedule(env.WEBHOOK_RETRY_SCHEDULE), now);
  const lastError = outcome.ok ? null : describeOutcome(outcome);
  const disableAfter = deps.disableAfterFailures ?? env.WEBHOOK_DISABLE_AFTER_FAILURES;

  await db.transaction(async (tx) => {
    await tx.insert(deliveryAttempts).values({
      id: newId("att"),
      accountId: delivery.accountId,
      endpointId: endpoint.id,
      deliveryId: delivery.id,
      attemptNumber,
      trigger: opts.trigger ?? "scheduled",
      request: redactRequest(signed, loaded.config.customHeaders),
      responseStatus: outcome.status,
      responseHeaders: outcome.headers,
      responseBody: outcome.body,
      durationMs: outcome.durationMs,
      errorClass: outcome.errorClass,
      errorMessage: outcome.errorMessage,
      createdAt: now,
    });
    await tx
      .update(deliveries)
      .set({
        status: decision.kind === "retry" ? "retrying" : decision.kind,
        attempts: attemptNumber,
        nextAttemptAt: decision.kind === "retry" ? decision.at : now,
        leaseExpiresAt: null,
        lastStatusCode: outcome.status,
        lastError,
        deliveredAt: decision.kind === "succeeded" ? now : null,
        updatedAt: now,
      })
      .where(eq(deliveries.id, delivery.id));

    // Consecutive failures count failed deliveries (schedule exhausted or 410), not attempts:
    // one slow recovery should not disable an endpoint that eventually takes every event.
    if (decision.kind === "succeeded") {
      if (endpoint.consecutiveFailures > 0) await tx.update(endpoints).set({ consecutiveFailures: 0 }).where(eq(endpoints.id, endpoint.id));
    } else if (decision.kind === "failed") {
      const reason = decision.disableEndpoint ?? `Disabled after ${disableAfter} consecutive failed deliveries`;
      await tx
        .update(endpoints)
        .set({
          consecutiveFailures: sql`${endpoints.consecutiveFailures} + 1`,
          status: decision.disableEndpoint
            ? "disabled"
            : sql`case when ${endpoints.consecutiveFailures} + 1 >= ${disableAfter} and ${endpoints.status} = 'active' then 'disabled' else ${endpoints.status} end`,
          disabledReason: decision.disableEndpoint
            ? reason
            : sql`case when ${endpoints.consecutiveFailures} + 1 >= ${disableAfter} and ${endpoints.status} = 'active' then ${reason} else ${endpoints.disabledReason} end`,
          disabledAt: decision.disableEndpoint
            ? now
            : sql`case when ${endpoints.consecutiveFailures} + 1 >= ${disableAfter} and ${endpoints.status} = 'active' then ${now.toISOString()}::timestamptz else ${endpoints.disabledAt} end`,
        })
        .where(eq(endpoints.id, endpoint.id));
    }
  });

  if (decision.kind === "retry") return { status: "retry", retryAt: decision.at };
  return { status: decision.kind };
}
