import { boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

export type ParamMap = Record<string, string>;
export type KeyValue = { key: string; value: string };

export const endpoints = pgTable(
  "endpoints",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    description: text("description").notNull().default(""),
    product: text("product", { enum: ["sms", "whatsapp", "platform"] }).notNull(),
    reportType: text("report_type", { enum: ["dlr", "mo", "signup", "alerts"] }).notNull(),
    eventTypes: text("event_types").array().notNull(),
    method: text("method", { enum: ["POST", "GET", "JSON", "XML"] }).notNull(),
    payloadFormat: text("payload_format", { enum: ["mapped", "envelope"] }).notNull(),
    url: text("url").notNull(),
    wabaNumber: text("waba_number"),
    paramMap: jsonb("param_map").$type<ParamMap>().notNull().default({}),
    customParams: jsonb("custom_params").$type<KeyValue[]>().notNull().default([]),
    /** AES-256-GCM ciphertext of a JSON array of { name, value }. */
    customHeadersEnc: text("custom_headers_enc"),
    /** AES-256-GCM ciphertext of the `whsec_…` signing secret. */
    secretEnc: text("secret_enc").notNull(),
    /** After rotation the old secret keeps signing alongside until it expires. */
    previousSecretEnc: text("previous_secret_enc"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    rateLimitPerSecond: integer("rate_limit_per_second"),
    timeoutMs: integer("timeout_ms").notNull().default(5000),
    status: text("status", { enum: ["active", "paused", "disabled"] })
      .notNull()
      .default("active"),
    disabledReason: text("disabled_reason"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    /** The state the account was last alerted about: ok, failing or disabled (server/alerts). */
    alertState: text("alert_state", { enum: ["ok", "failing", "disabled"] })
      .notNull()
      .default("ok"),
    /** GCRA theoretical arrival time for the per-endpoint rate limit. */
    rateTat: timestamp("rate_tat", { withTimezone: true, precision: 6 }),
    /** The account's PII masking, copied here so the engine's one load reads it. */
    maskPii: boolean("mask_pii").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("endpoints_account_idx").on(t.accountId, t.createdAt)],
);

export type EndpointRow = typeof endpoints.$inferSelect;
