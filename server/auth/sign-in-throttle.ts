import type { DbOrTx } from "@/db";
import { DomainError } from "@/server/errors";
import { refundToken } from "@/server/rate-limits/refund-token";
import { resetBuckets } from "@/server/rate-limits/reset-buckets";
import { takeTokens, type Bucket } from "@/server/rate-limits/take-tokens";

export type ThrottleConfig = {
  /** Checks per email from one client address within the window (then one per window/max). */
  maxFailures: number;
  windowMinutes: number;
  /** Checks from one client address across all emails within the window. */
  maxFailuresPerClient: number;
};

/**
 * Every password check takes a token from three buckets first (atomically, so a parallel burst
 * gets no more checks than the limit):
 * - the email from this client: `maxFailures` per window — the tightest, aimed at one guesser;
 * - the email from anywhere: three times as many, refilling three times as fast, so one guessing
 *   client slows the owner down but cannot lock them out;
 * - the client across emails: `maxFailuresPerClient` per window (credential stuffing).
 * Buckets refill gradually, so a refusal lasts about one interval, not the whole window.
 */
function signInBuckets(email: string, client: string, cfg: ThrottleConfig) {
  const windowMs = cfg.windowMinutes * 60_000;
  const pair: Bucket = {
    key: `signin:pair:${client}:${email}`,
    burst: cfg.maxFailures,
    intervalMs: windowMs / cfg.maxFailures,
  };
  const byEmail: Bucket = {
    key: `signin:email:${email}`,
    burst: cfg.maxFailures * 3,
    intervalMs: windowMs / cfg.maxFailures / 3,
  };
  const byClient: Bucket = {
    key: `signin:client:${client}`,
    burst: cfg.maxFailuresPerClient,
    intervalMs: windowMs / cfg.maxFailuresPerClient,
  };
  return { pair, byEmail, byClient };
}

/** Takes a check for this email and client, or throws TOO_MANY_REQUESTS saying how long to wait. */
export async function takeSignInCheck(db: DbOrTx, email: string, client: string, cfg: ThrottleConfig) {
  const { pair, byEmail, byClient } = signInBuckets(email, client, cfg);
  const taken = await takeTokens(db, [pair, byEmail, byClient]);
  if (taken.allowed) return;
  const minutes = Math.max(1, Math.ceil(taken.retryAfterMs / 60_000));
  throw new DomainError(
    "TOO_MANY_REQUESTS",
    `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

/** A right password: the failures against this email are forgotten; the client gets its check back. */
export async function settleSuccessfulSignIn(db: DbOrTx, email: string, client: string, cfg: ThrottleConfig) {
  const { pair, byEmail, byClient } = signInBuckets(email, client, cfg);
  await resetBuckets(db, [pair.key, byEmail.key]);
  await refundToken(db, byClient);
}
