import { getEnv } from "@/server/env";

/** The account's own retention (1–90 days), else RETENTION_DAYS. */
export function effectiveRetentionDays(own: number | null): number {
  return own ?? getEnv().RETENTION_DAYS;
}
