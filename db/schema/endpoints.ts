import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
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
    /** Deliveries sharing an ordering key (a DLR's message_id) go out one at a time, in acceptance order. */
    orderedDelivery: boolean("ordered_delivery").notNull().default(false),
    /** During a backlog only the most advanced DLR status per message is sent; the rest are superseded. */
    latestStatusOnly: boolean("latest_status_only").notNull().default(false),
    /** Slow down on 429/503 or high latency, speed up again while healthy (state: endpoint_throttles). */
    adaptiveThrottle: boolean("adaptive_throttle").notNull().default(true),
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

/**
 * Adaptive throttling state, one row per endpoint that has been throttled or measured. Kept apart
 * from `endpoints` so that updating it (about once a second while it is sent to) does not change the endpoint's row
 * version, which keys the engine's config cache. All runners read the rate from here.
 */
export const endpointThrottles = pgTable("endpoint_throttles", {
  endpointId: text("endpoint_id")
    .primaryKey()
    .references(() => endpoints.id, { onDelete: "cascade" }),
  /** The rate the engine sends at (requests/second); null while not throttled. */
  rate: doublePrecision("rate"),
  /** Where the way back up ends: the configured limit, else the rate it was sending at when first slowed. */
  ceiling: doublePrecision("ceiling"),
  /** What it accepted in the second before it was last slowed: near this the rate goes up gently. */
  capacity: doublePrecision("capacity"),
  /** Why it was last slowed, in words ("429 Too Many Requests", "latency 2.1 s, usually 180 ms"). */
  reason: text("reason"),
  /** When it was last slowed; when it got back to full rate. */
  slowedAt: timestamp("slowed_at", { withTimezone: true }),
  recoveredAt: timestamp("recovered_at", { withTimezone: true }),
  /** Last change of the rate: decreases wait a second between them; increases come once a second. */
  changedAt: timestamp("changed_at", { withTimezone: true, precision: 6 }),
  lastRefusalAt: timestamp("last_refusal_at", { withTimezone: true }),
  lastRefusalStatus: integer("last_refusal_status"),
  /** Retry-After: nothing is sent before this. */
  holdUntil: timestamp("hold_until", { withTimezone: true, precision: 6 }),
  /** The endpoint's usual response time (a slow moving median of successful responses). */
  p50Ms: doublePrecision("p50_ms"),
  /** Batches that fed p50Ms (latency is judged only once it is known). */
  samples: integer("samples").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type EndpointThrottleRow = typeof endpointThrottles.$inferSelect;
