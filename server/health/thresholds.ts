import { getEnv } from "@/server/env";

/**
 * Failed deliveries in a row after which an endpoint is "failing" (warning banner, badge,
 * `endpoint.failing` alert), well before WEBHOOK_DISABLE_AFTER_FAILURES — the same count, in the
 * same unit — disables it.
 */
export const FAILURE_WARNING_THRESHOLD = 5;

type FailureThresholds = { warnAfter: number; disableAfter: number };

export function failureThresholds(): FailureThresholds {
  return { warnAfter: FAILURE_WARNING_THRESHOLD, disableAfter: getEnv().WEBHOOK_DISABLE_AFTER_FAILURES };
}
