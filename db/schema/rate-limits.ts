import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * GCRA buckets for sign-in throttling and write-heavy procedures, keyed like `signin:email:…`.
 * `tat` is the theoretical arrival time: a bucket is full again once it is in the past.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    tat: timestamp("tat", { withTimezone: true, precision: 6 }).notNull(),
  },
  (t) => [index("rate_limits_tat_idx").on(t.tat)],
);
