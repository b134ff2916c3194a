import { type AnyPgColumn, boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    type: text("type", { enum: ["customer", "reseller"] }).notNull(),
    name: text("name").notNull(),
    /** A customer that signed up on a reseller's white-label storefront belongs to it. */
    resellerId: text("reseller_id").references((): AnyPgColumn => accounts.id, { onDelete: "set null" }),
    status: text("status", { enum: ["active", "suspended"] })
      .notNull()
      .default("active"),
    /** Mask mobile numbers and message text in stored attempt requests and event views. */
    piiMasking: boolean("pii_masking").notNull().default(true),
    /** Days events and attempts are kept (1–90); null means RETENTION_DAYS. */
    retentionDays: integer("retention_days"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("accounts_reseller_idx").on(t.resellerId, t.createdAt)],
);

export type Account = typeof accounts.$inferSelect;
