import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { endpoints } from "./endpoints";
import { replays } from "./replays";

/** The event's mobile number as digits only, whichever field carries it (`mobile`, `from`, `mobile_number`). */
export const MOBILE_KEY = sql.raw(
  `regexp_replace(coalesce(data ->> 'mobile', data ->> 'from', data ->> 'mobile_number'), '[^0-9]', '', 'g')`,
);

export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    idempotencyKey: text("idempotency_key"),
    /** Recorded while the account masked PII: shown masked even after masking is turned off. */
    piiMasked: boolean("pii_masked").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("events_account_idempotency_uq").on(t.accountId, t.idempotencyKey),
    index("events_account_created_idx").on(t.accountId, t.createdAt),
    // "Find any message": exact lookups by the upstream ids and the mobile number (digits only),
    // newest first (server/events/search-events.ts builds the same expressions).
    index("events_search_transaction_idx").on(t.accountId, sql`(${t.data} ->> 'transaction_id')`, t.createdAt),
    index("events_search_message_idx").on(t.accountId, sql`(${t.data} ->> 'message_id')`, t.createdAt),
    index("events_search_mobile_idx").on(t.accountId, sql`(${MOBILE_KEY})`, t.createdAt),
  ],
);

export const deliveries = pgTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    // No foreign keys to accounts and events: each was a lookup, a row lock and a trigger per
    // delivery written (about 5–10 µs of Postgres each, measured). A delivery is written in the same
    // statement as its event (server/events/record-events.ts); it goes with its endpoint (the key
    // below, which an account's deletion cascades through), and retention deletes an event's
    // deliveries with it (server/maintenance/prune-expired-data.ts).
    accountId: text("account_id").notNull(),
    eventId: text("event_id").notNull(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => endpoints.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "sending", "retrying", "succeeded", "failed", "superseded"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, precision: 6 }).notNull().defaultNow(),
    /**
     * A claim: while this is in the future the delivery is held by one runner (`lease_owner`) and
     * no other may send it. Not indexed and not part of `status`, so taking and renewing a lease
     * is an in-place (HOT) update that rewrites no index.
     */
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    leaseOwner: text("lease_owner"),
    /** Errors of our own (not the receiver's) while attempting it; past a bound it fails with the reason. */
    internalFailures: integer("internal_failures").notNull().default(0),
    /** A send slot reserved under the endpoint's rate limit; honoured when claimed on time. */
    rateSlotAt: timestamp("rate_slot_at", { withTimezone: true, precision: 6 }),
    /** What the next attempt is recorded as: a manual retry marks it until it has run. */
    nextTrigger: text("next_trigger", { enum: ["scheduled", "manual"] })
      .notNull()
      .default("scheduled"),
    /** Attempts made by hand (Retry, replay): they never advance the automatic schedule. */
    manualAttempts: integer("manual_attempts").notNull().default(0),
    /**
     * While a manual retry waits to run: when the automatic schedule's next attempt was due, so a
     * failed manual attempt puts the delivery back on that time instead of pushing it later.
     */
    resumeAt: timestamp("resume_at", { withTimezone: true, precision: 6 }),
    /**
     * Inngest runner only: when a run last took charge of this delivery — the hand-off to Inngest,
     * or the time its run wakes up next (its sleep). Null: no run is known to hold it. The sweep
     * re-sends only deliveries whose mark is missing or old, so a run that is merely queued or
     * asleep is not doubled.
     */
    enqueuedAt: timestamp("enqueued_at", { withTimezone: true }),
    /** The bulk replay that last re-queued this delivery, if any. */
    replayId: text("replay_id").references(() => replays.id, { onDelete: "set null" }),
    /**
     * Per-message order (endpoint `ordered_delivery`): deliveries with the same key to the same
     * endpoint form a chain in acceptance order (`ordering_seq`). A delivery is claimable only
     * while `blocked_by` (its predecessor, still open) is null; finishing one clears its
     * `successor_id`'s `blocked_by` in the same statement.
     */
    orderingKey: text("ordering_key"),
    orderingSeq: integer("ordering_seq"),
    blockedBy: text("blocked_by"),
    successorId: text("successor_id"),
    /** Latest status only: the delivery of the same message that was sent instead of this one. */
    supersededBy: text("superseded_by"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The claim's scan: live deliveries in due order (status leading would need a sort across values);
    // deliveries waiting for an earlier one of the same message are not in it.
    index("deliveries_ready_at_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'retrying') and ${t.blockedBy} is null`),
    // The open tail of a message's chain, found at ingestion.
    index("deliveries_ordering_idx")
      .on(t.endpointId, t.orderingKey)
      .where(sql`${t.orderingKey} is not null and ${t.status} in ('pending', 'retrying')`),
    // Lists page newest first by id (ids are time-ordered).
    index("deliveries_endpoint_idx").on(t.endpointId, t.id),
    index("deliveries_event_idx").on(t.eventId),
    // The claim walks each endpoint's live deliveries in due order.
    index("deliveries_endpoint_due_idx")
      .on(t.endpointId, t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'retrying')`),
    index("deliveries_account_idx").on(t.accountId, t.id),
    index("deliveries_replay_idx")
      .on(t.replayId)
      .where(sql`${t.replayId} is not null`),
  ],
);

export type RecordedRequest = { method: string; url: string; headers: Record<string, string>; body: string | null };

export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    id: text("id").primaryKey(),
    // No foreign keys on this, the busiest table: each would be a lookup and a row lock per attempt
    // (about 30 µs of Postgres per delivery, measured). An attempt is only written for a delivery
    // its statement updated (record-attempts.ts), and the verbs that delete accounts, endpoints and
    // events delete their attempts (delete-attempts.ts).
    accountId: text("account_id").notNull(),
    endpointId: text("endpoint_id").notNull(),
    /** Null for Test Webhook attempts, which belong to the endpoint only. */
    deliveryId: text("delivery_id"),
    attemptNumber: integer("attempt_number").notNull(),
    trigger: text("trigger", { enum: ["scheduled", "manual", "test"] }).notNull(),
    request: jsonb("request").$type<RecordedRequest>().notNull(),
    responseStatus: integer("response_status"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    responseBody: text("response_body"),
    durationMs: integer("duration_ms").notNull(),
    errorClass: text("error_class"),
    errorMessage: text("error_message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attempts_delivery_idx").on(t.deliveryId, t.createdAt),
    index("attempts_endpoint_idx").on(t.endpointId, t.createdAt),
    index("attempts_created_idx").on(t.createdAt),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type DeliveryAttemptRow = typeof deliveryAttempts.$inferSelect;
