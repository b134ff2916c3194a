import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { endpoints } from "./endpoints";

/**
 * A bulk replay of an endpoint's failed deliveries. The deliveries it re-queued carry its id
 * (`deliveries.replay_id`), so progress is a count of those by status. At most one replay per
 * endpoint runs at a time (partial unique index). When it finishes, the final counts are kept
 * here, since a later replay may take over some of its deliveries.
 */
export const replays = pgTable(
  "replays",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => endpoints.id, { onDelete: "cascade" }),
    /** Failed deliveries created at or after this time were eligible. */
    since: timestamp("since", { withTimezone: true }).notNull(),
    /** How many deliveries this replay re-queued (at most the replay limit). */
    total: integer("total").notNull().default(0),
    /** Eligible failed deliveries left out by the limit when it started. */
    remaining: integer("remaining").notNull().default(0),
    status: text("status", { enum: ["running", "finished"] })
      .notNull()
      .default("running"),
    /** Final counts, written when it finishes. */
    succeeded: integer("succeeded"),
    failed: integer("failed"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("replays_endpoint_running_uq")
      .on(t.endpointId)
      .where(sql`${t.status} = 'running'`),
    index("replays_endpoint_idx").on(t.endpointId, t.id),
    index("replays_account_idx").on(t.accountId, t.id),
  ],
);

export type ReplayRow = typeof replays.$inferSelect;
