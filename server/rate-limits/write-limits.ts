import { DomainError } from "@/server/errors";
import type { DbOrTx } from "@/db";
import { takeTokens } from "./take-tokens";

const MINUTE = 60_000;

/**
 * Per-account (or, for public forms, per-client) limits on write-heavy actions: a burst, then one
 * more every interval. Generous for people, tight for scripts.
 */
const WRITE_LIMITS = {
  createApiKey: { burst: 10, intervalMs: MINUTE },
  createEndpoint: { burst: 30, intervalMs: 10_000 },
  sendTestRequest: { burst: 30, intervalMs: 3_000 },
  sendSampleEvent: { burst: 30, intervalMs: 3_000 },
  addWabaNumber: { burst: 20, intervalMs: 10_000 },
  saveWhiteLabel: { burst: 10, intervalMs: 10_000 },
  exportAccount: { burst: 3, intervalMs: 10 * MINUTE },
  signUp: { burst: 30, intervalMs: 20_000 },
  requestPasswordReset: { burst: 5, intervalMs: 5 * MINUTE },
  resetPassword: { burst: 10, intervalMs: MINUTE },
  changePassword: { burst: 5, intervalMs: MINUTE },
} as const;

export type WriteAction = keyof typeof WRITE_LIMITS;

/** Takes one `action` for `subject` (an account id or a client address), or throws TOO_MANY_REQUESTS. */
export async function takeWriteToken(db: DbOrTx, action: WriteAction, subject: string) {
  const taken = await takeTokens(db, [{ key: `write:${action}:${subject}`, ...WRITE_LIMITS[action] }]);
  if (taken.allowed) return;
  const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
  throw new DomainError(
    "TOO_MANY_REQUESTS",
    `Too many requests of this kind. Try again in ${seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} minutes`}.`,
  );
}
