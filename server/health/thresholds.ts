import { getEnv } from "@/server/env";

/** Failed attempts in a row after which an endpoint shows a warning, well before auto-disable. */
const FAILURE_WARNING_THRESHOLD = 5;

type FailureThresholds = { warnAfter: number; disableAfter: number };

/** The warning threshold and the consecutive failed deliveries that disable an endpoint. */
export function failureThresholds(): FailureThresholds {
  return { warnAfter: FAILURE_WARNING_THRESHOLD, disableAfter: getEnv().WEBHOOK_DISABLE_AFTER_FAILURES };
}
