import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

export const whiteLabels = pgTable("white_labels", {
  id: text("id").primaryKey(),
  resellerId: text("reseller_id")
    .notNull()
    .unique()
    .references(() => accounts.id, { onDelete: "cascade" }),
  slug: text("slug").notNull().unique(),
  brandName: text("brand_name").notNull(),
  logoUrl: text("logo_url"),
  primaryColor: text("primary_color").notNull().default("#2f6fed"),
  supportEmail: text("support_email"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type WhiteLabel = typeof whiteLabels.$inferSelect;

/** A slug a reseller moved away from: nobody else may claim it until `reservedUntil`; it redirects meanwhile. */
export const slugReservations = pgTable("slug_reservations", {
  slug: text("slug").primaryKey(),
  resellerId: text("reseller_id")
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" }),
  reservedUntil: timestamp("reserved_until", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
