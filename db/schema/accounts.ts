import { type AnyPgColumn, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("accounts_reseller_idx").on(t.resellerId, t.createdAt)],
);

export type Account = typeof accounts.$inferSelect;
