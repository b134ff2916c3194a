import type { SendOutcome } from "@/server/delivery/types";
import { decideNext, type Decision } from "./decide-next";

type ManualState = {
  /** The automatic schedule's next attempt as it stood when the retry was asked for; null if none was due. */
  resumeAt: Date | null;
  /** Scheduled (not manual) attempts made so far: the position in the schedule. */
  scheduledAttempts: number;
};

/**
 * What happens after a manual attempt (Retry, replay). Pure. A manual attempt is extra: it never
 * uses up a step of the schedule nor moves the next scheduled attempt.
 * - 2xx succeeds; 410 Gone fails and disables the endpoint, as for any attempt.
 * - While the schedule was running (`resumeAt`), the delivery waits again for that same time.
 * - A failed delivery with steps of the schedule left (it failed early: endpoint disabled, 410)
 *   carries on with its next step from now; one that had used up its schedule stays failed.
 */
export function decideAfterManual(
  outcome: SendOutcome,
  state: ManualState,
  schedule: number[],
  now: Date,
  random: () => number = Math.random,
): Decision {
  if (outcome.ok) return { kind: "succeeded" };
  if (outcome.status === 410) return { kind: "failed", disableEndpoint: "Endpoint returned 410 Gone" };
  if (state.resumeAt) return { kind: "retry", at: state.resumeAt };
  // As if the last scheduled attempt had just failed: its next step from now, or failed when none is left.
  return decideNext(outcome, Math.max(state.scheduledAttempts, 1), schedule, now, random);
}

/** The 1-based position in the schedule of a delivery's next scheduled attempt. */
export const scheduledAttemptNumber = (d: { attempts: number; manualAttempts: number }) =>
  d.attempts - d.manualAttempts + 1;
