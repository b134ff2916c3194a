import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { endpoints } from "./endpoints";

/** In-app notifications (the bell): an endpoint started failing, was disabled, or recovered. */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id").references(() => endpoints.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["endpoint.failing", "endpoint.disabled", "endpoint.recovered"] }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_account_idx").on(t.accountId, t.id),
    index("notifications_unread_idx")
      .on(t.accountId)
      .where(sql`${t.readAt} is null`),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
